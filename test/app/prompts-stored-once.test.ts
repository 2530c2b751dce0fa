/**
 * A run on a 200 KB selection: every call's prompt holds the selection, but the transcript
 * stores each large prompt text once (stored-prompt-text.ts), and reading it back gives every
 * call's full prompt, exactly as the live events carried it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCouncilService } from '../../src/app/create-council-service';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import { forgetSecrets } from '../../src/providers/common/redact-secrets';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { CallStartedEvent, RunEvent } from '../../src/core/run-events';
import { transcriptToMarkdown } from '../../src/core/transcript-markdown';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { baseSettings, memoryLogger, tempFolder } from './support/council-fixture';

/** 200 KB of distinct code lines (no two alike, so nothing else compresses it). */
const SELECTION = Array.from(
  { length: 4000 },
  (_v, i) => `export const value${i} = compute(${i}, "${(i * 7919).toString(36)}");`,
)
  .join('\n')
  .padEnd(200 * 1024, ' ');

describe('transcripts store each large prompt text once', function () {
  this.timeout(120_000);
  let vendor: FakeVendorServer;
  let folder: ReturnType<typeof tempFolder>;

  before(async () => {
    vendor = await startFakeVendorServer();
    folder = tempFolder();
  });
  after(async () => {
    await vendor?.close();
    folder?.remove();
    forgetSecrets();
  });

  it('a 200 KB selection: the file is far smaller than calls × selection, and reads back whole', async () => {
    const service = createCouncilService({
      credentials: { getApiKey: () => Promise.resolve('test-key') },
      settings: () =>
        baseSettings({
          participants: [
            { provider: 'openai', model: 'gpt-sim' },
            { provider: 'anthropic', model: 'claude-sim' },
            { provider: 'google', model: 'gemini-sim' },
          ],
          baseUrls: {
            openai: vendor.baseUrls.openai,
            anthropic: vendor.baseUrls.anthropic,
            google: vendor.baseUrls.google,
          },
        }),
      transcripts: new JsonlTranscriptStore(folder.path),
      logger: memoryLogger(),
      modelOptions: { retryBaseDelayMs: 1, retryCapMs: 5, maxRetries: 1 },
    });
    const live: CallStartedEvent[] = [];
    service.watchAllRuns((event: RunEvent) => {
      if (event.type === 'call-started') live.push(event);
    });
    try {
      const { runId } = await service.startConsensus({
        input: {
          task: 'Add a header comment',
          outputKind: 'code',
          seed: 3,
          context: { selection: SELECTION, filePath: 'src/big.ts', languageId: 'typescript' },
        },
        origin: 'cli',
      });
      const result = (await service.waitForResult(runId)) as ConsensusResult;
      assert.ok(['unanimous', 'majority'].includes(result.status), result.status);

      const escaped = JSON.stringify(SELECTION).slice(1, -1);
      const withSelection = live.filter((call) =>
        call.messages.some((message) => message.content.includes(escaped)),
      );
      assert.ok(withSelection.length >= 12, `${withSelection.length} calls carried the selection`);
      const lines = readFileSync(join(folder.path, `${runId}.jsonl`), 'utf8').split('\n');
      const promptBytes = lines
        .filter((line) => /^\{"type":"(call-started|text)"/.test(line))
        .reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
      const multiplied = withSelection.length * SELECTION.length;
      console.log(
        `      (${withSelection.length} calls × ${SELECTION.length} chars = ${multiplied}; prompts in the file: ${promptBytes} bytes; whole file ${statSync(join(folder.path, `${runId}.jsonl`)).size} bytes)`,
      );
      // The selection and each product are stored about once among the prompts; each answer
      // (call-finished) and proposal record still holds its own product.
      assert.ok(promptBytes < multiplied / 4, `${promptBytes} bytes of prompts`);

      const records = await service.readTranscript(runId);
      const stored = records.filter((record) => record.type === 'call-started');
      assert.equal(stored.length, live.length);
      for (const call of live) {
        const match = stored.find((record) => 'callId' in record && record.callId === call.callId);
        assert.ok(match, call.callId);
        const { seq: _seq, ...event } = match as CallStartedEvent & { seq: number };
        assert.deepEqual(event, call, `the prompt of ${call.callId} reads back whole`);
      }
      assert.ok(!records.some((record) => (record.type as string) === 'text'));
      assert.ok(transcriptToMarkdown(records).includes('Add a header comment'));
      const listed = (await service.listRuns()).find((run) => run.runId === runId);
      assert.equal(listed?.state, 'completed');
    } finally {
      service.dispose();
    }
  });
});
