/**
 * The panel host in plain Node over a fake `vscode`: nothing is posted before `ready`, the
 * snapshot carries the active run so far, and a panel closed and reopened mid-run gets the same
 * run and keeps streaming (issue 4, acceptance 4); bad messages are rejected and logged (#5).
 */
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/core/run-events';
import type { HostToWebviewMessage } from '../../src/shared/host-to-webview';
import { EventEmitter, installFakeVscode } from './support/fake-vscode';
import { FakeCouncil } from './support/fake-council';
import type * as ViewProviderModule from '../../src/extension/panel/council-view-provider';
import type * as RunTrackerModule from '../../src/extension/run/run-tracker';

installFakeVscode();
// Loaded with require, after the fake vscode is installed (static imports would load first).
/* eslint-disable @typescript-eslint/no-require-imports */
const { CouncilViewProvider } =
  require('../../src/extension/panel/council-view-provider') as typeof ViewProviderModule;
const { RunTracker } = require('../../src/extension/run/run-tracker') as typeof RunTrackerModule;
/* eslint-enable @typescript-eslint/no-require-imports */

const CANARY_KEY = 'sk-canary-never-in-the-webview';
const at = 1_700_000_000_000;

function fakeView() {
  const posted: HostToWebviewMessage[] = [];
  const received = new EventEmitter<unknown>();
  const disposed = new EventEmitter<void>();
  const webview = {
    options: {} as Record<string, unknown>,
    html: '',
    cspSource: 'https://fake.vscode-cdn.net',
    asWebviewUri: (uri: { toString(): string }) => uri,
    postMessage: async (message: HostToWebviewMessage) => {
      posted.push(message);
      return true;
    },
    onDidReceiveMessage: received.event,
  };
  return {
    view: { webview, onDidDispose: disposed.event },
    posted,
    send: (message: unknown) => received.fire(message),
    close: () => disposed.fire(),
  };
}

function setup() {
  const council = new FakeCouncil();
  const service = council.asService();
  const warnings: string[] = [];
  const log = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => warnings.push(message),
    error: (message: string) => warnings.push(`error: ${message}`),
  };
  const runs = new RunTracker(service);
  const credentials = {
    getApiKey: async () => CANARY_KEY,
    hasApiKey: async (provider: string) => provider === 'openai',
    onDidChange: () => ({ dispose() {} }),
  };
  const services = { council: service, runs, log, credentials } as never;
  const provider = new CouncilViewProvider(services, { scheme: 'file', path: '/ext' } as never);
  return { council, provider, warnings };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const started: RunEvent = {
  type: 'run-started',
  runId: 'r1',
  at,
  protocol: 'consensus',
  participants: [],
  input: { task: 't', outputKind: 'text' },
};
const delta = (text: string): RunEvent => ({
  type: 'token-delta',
  runId: 'r1',
  at,
  callId: 'c1',
  participantId: 'openai:gpt',
  phase: 'draft',
  round: 1,
  delta: text,
});

describe('CouncilViewProvider (the panel host)', () => {
  it('builds a locked-down webview and posts nothing before ready', async () => {
    const { council, provider } = setup();
    const panel = fakeView();
    provider.resolveWebviewView(panel.view as never);
    council.emit(started);
    await settle();
    assert.deepEqual(panel.posted, []);
    const options = panel.view.webview.options as {
      enableScripts: boolean;
      enableCommandUris: boolean;
      localResourceRoots: { path: string }[];
    };
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableCommandUris, false);
    assert.deepEqual(
      options.localResourceRoots.map((root) => root.path),
      ['/ext/dist/webview'],
    );
    assert.match(
      panel.view.webview.html,
      /default-src &#39;none&#39;; script-src &#39;nonce-[A-Za-z0-9+/=]{24}&#39;/,
    );
  });

  it('reopened mid-run, shows the same run so far and keeps streaming', async () => {
    const { council, provider } = setup();
    const first = fakeView();
    provider.resolveWebviewView(first.view as never);
    council.emit(started);
    council.emit(delta('Hel'));
    first.send({ type: 'ready' });
    await settle();
    const snapshot = first.posted.find((m) => m.type === 'snapshot');
    assert.ok(snapshot?.type === 'snapshot');
    assert.equal(snapshot.snapshot.activeRun?.runId, 'r1');
    council.emit(delta('lo '));
    assert.ok(first.posted.some((m) => m.type === 'run-event' && m.event.type === 'token-delta'));

    first.close();
    council.emit(delta('world'));
    const second = fakeView();
    provider.resolveWebviewView(second.view as never);
    second.send({ type: 'ready' });
    await settle();
    const reopened = second.posted.find((m) => m.type === 'snapshot');
    assert.ok(reopened?.type === 'snapshot');
    const streamed = reopened.snapshot.activeRun?.events.find((e) => e.type === 'token-delta');
    assert.ok(streamed?.type === 'token-delta');
    assert.equal(streamed.delta, 'Hello world', 'everything streamed while closed is there');
    assert.ok(reopened.snapshot.version > (snapshot.snapshot.version ?? 0));

    council.emit(delta('!'));
    const live = second.posted.filter((m) => m.type === 'run-event');
    assert.equal(live.length, 1);
    assert.ok(live[0]?.type === 'run-event' && live[0].event.type === 'token-delta');
    assert.equal(live[0].event.delta, '!');
  });

  it('tells the panel which providers have keys without ever sending a key', async () => {
    const { provider } = setup();
    const panel = fakeView();
    provider.resolveWebviewView(panel.view as never);
    panel.send({ type: 'ready' });
    await settle();
    const snapshot = panel.posted.find((m) => m.type === 'snapshot');
    assert.ok(snapshot?.type === 'snapshot');
    const openai = snapshot.snapshot.providers.find((p) => p.provider === 'openai');
    assert.equal(openai?.keyPresent, true);
    assert.equal(
      snapshot.snapshot.providers.find((p) => p.provider === 'anthropic')?.keyPresent,
      false,
    );
    assert.ok(!JSON.stringify(panel.posted).includes(CANARY_KEY));
    assert.ok(!panel.view.webview.html.includes(CANARY_KEY));
  });

  it('rejects and logs a message with an unknown type or bad fields, acting on neither', async () => {
    const { council, provider, warnings } = setup();
    const panel = fakeView();
    provider.resolveWebviewView(panel.view as never);
    panel.send({ type: 'ready' });
    await settle();
    panel.send({ type: 'delete-everything' });
    panel.send({ type: 'cancel-run', runId: 42 });
    await settle();
    assert.equal(warnings.filter((w) => w.includes('panel message rejected')).length, 2);
    assert.deepEqual(council.cancelled, []);
    panel.send({ type: 'cancel-run', runId: 'r1' });
    await settle();
    assert.deepEqual(council.cancelled, ['r1']);
  });
});
