/**
 * "Take the best so far" from the panel, host side: the webview's finish-early message reaches
 * the real council service (real engine and adapters against the fake vendor), and the run ends
 * provisional with the best proposal so far.
 */
import assert from 'node:assert/strict';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { HostToWebviewMessage } from '../../src/shared/host-to-webview';
import { memoryLogger } from '../app/support/council-fixture';
import { useVendorSuite, vendorCouncil } from '../support/vendor-council';
import { EventEmitter, installFakeVscode } from './support/fake-vscode';
import type * as ViewProviderModule from '../../src/extension/panel/council-view-provider';
import type * as RunTrackerModule from '../../src/extension/run/run-tracker';

installFakeVscode();
/* eslint-disable @typescript-eslint/no-require-imports */
const { CouncilViewProvider } =
  require('../../src/extension/panel/council-view-provider') as typeof ViewProviderModule;
const { RunTracker } = require('../../src/extension/run/run-tracker') as typeof RunTrackerModule;
/* eslint-enable @typescript-eslint/no-require-imports */

describe('panel: take the best so far (host side, real council service)', function () {
  this.timeout(60_000);
  const suite = useVendorSuite();

  it('finish-early ends the running consensus provisional, with its product', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reviews = 0;
    suite.vendor.script({
      schemaName: 'review',
      reply: () => (++reviews > 3 ? { holdAfterFirstChunk: held } : {}),
    });
    const council = vendorCouncil(suite.vendor, {
      participants: ['openai:gpt-sim', 'anthropic:claude-sim', 'google:gemini-sim'],
      folder: suite.folder,
      apiKey: (id) => `test-key-${id}`,
      logger: memoryLogger(),
    });
    const log = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} };
    const runs = new RunTracker(council);
    const credentials = {
      getApiKey: async () => 'k',
      hasApiKey: async () => true,
      onDidChange: () => ({ dispose() {} }),
    };
    const provider = new CouncilViewProvider(
      { council, runs, log, credentials } as never,
      {
        scheme: 'file',
        path: '/ext',
      } as never,
    );
    const received = new EventEmitter<unknown>();
    const posted: HostToWebviewMessage[] = [];
    provider.resolveWebviewView({
      webview: {
        options: {},
        html: '',
        cspSource: 'https://fake.vscode-cdn.net',
        asWebviewUri: (uri: unknown) => uri,
        postMessage: async (message: HostToWebviewMessage) => posted.push(message) > 0,
        onDidReceiveMessage: received.event,
      },
      onDidDispose: new EventEmitter<void>().event,
    } as never);
    try {
      const { runId } = await council.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text' },
        origin: 'panel',
      });
      await new Promise<void>((resolve) => {
        const stop = council.subscribe(runId, (event) => {
          if (event.type === 'phase-started' && event.phase === 'review' && event.round === 2) {
            stop();
            resolve();
          }
        });
      });
      received.fire({ type: 'finish-early', runId });
      const result = (await council.waitForResult(runId)) as ConsensusResult;
      assert.equal(result.status, 'provisional');
      assert.equal(result.stopReason, 'stopped');
      assert.equal(result.product, 'Council answer: Name a colour');
      assert.equal(result.signals.length, 0, 'round 1 was not scored yet');
      assert.equal((await council.getStatus(runId))?.state, 'completed');
    } finally {
      release();
      council.dispose();
    }
  });
});
