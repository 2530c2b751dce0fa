/**
 * A run on a 200 KB selection: every call's prompt holds the selection and every answer and
 * proposal a product, but the transcript stores each large text once (stored-text.ts), and
 * reading it back gives every prompt, answer, proposal and combined product exactly as the live
 * events carried them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { CallStartedEvent, RunEvent } from '../../src/core/run-events';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import { transcriptToMarkdown } from '../../src/core/transcript-markdown';
import { memoryLogger } from './support/council-fixture';
import { useVendorSuite, vendorCouncil } from '../support/vendor-council';

/** 200 KB of distinct code lines (no two alike, so nothing else compresses it). */
const SELECTION = Array.from(
  { length: 4000 },
  (_v, i) => `export const value${i} = compute(${i}, "${(i * 7919).toString(36)}");`,
)
  .join('\n')
  .padEnd(200 * 1024, ' ');

describe('transcripts store each large text once', function () {
  this.timeout(120_000);
  const suite = useVendorSuite();

  it('a 200 KB selection: the file is far smaller than calls × selection, and reads back whole', async () => {
    const service = vendorCouncil(suite.vendor, {
      participants: ['openai:gpt-sim', 'anthropic:claude-sim', 'google:gemini-sim'],
      folder: suite.folder,
      logger: memoryLogger(),
    });
    const events: RunEvent[] = [];
    service.watchAllRuns((event: RunEvent) => events.push(event));
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

      const live = events.filter(
        (event): event is CallStartedEvent => event.type === 'call-started',
      );
      const escaped = JSON.stringify(SELECTION).slice(1, -1);
      const withSelection = live.filter((call) =>
        call.messages.some((message) => message.content.includes(escaped)),
      );
      assert.ok(withSelection.length >= 12, `${withSelection.length} calls carried the selection`);
      const path = join(suite.folder, `${runId}.jsonl`);
      const lines = readFileSync(path, 'utf8').split('\n');
      const bytesOf = (type: RegExp) =>
        lines
          .filter((line) => type.test(line))
          .reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);

      const records = await service.readTranscript(runId);
      // What the file would be with every text inline: each record as read back, one per line.
      const inline = records.reduce(
        (sum, record) => sum + Buffer.byteLength(JSON.stringify(record)) + 1,
        0,
      );
      const file = statSync(path).size;
      const answers = bytesOf(/^\{"type":"(call-finished|proposal|combined)"/);
      console.log(
        `      (${withSelection.length} calls × ${SELECTION.length} chars; file ${file} bytes, ${inline} with every text inline; answers, proposals and combined ${answers} bytes; chunks ${bytesOf(/^\{"type":"text"/)} bytes)`,
      );
      assert.ok(file < inline / 3, `${file} bytes in the file, ${inline} inline`);
      // Six answers and six proposals each carried a 200 KB product: now only chunk ids.
      assert.ok(answers < 64 * 1024, `${answers} bytes of answers, proposals and combined`);
      assert.ok(bytesOf(/^\{"type":"call-started"/) < 128 * 1024, 'prompts name their chunks');

      // Everything reads back as the live events carried it.
      const stored = new Map(records.map((record) => [keyOf(record), record]));
      const compared = events.filter((event) =>
        ['call-started', 'call-finished', 'proposal', 'combined'].includes(event.type),
      );
      assert.ok(compared.length >= 37, `${compared.length} records compared`);
      for (const event of compared) {
        const match = stored.get(keyOf(event as TranscriptRecord));
        assert.ok(match, keyOf(event as TranscriptRecord));
        const { seq: _seq, ...read } = match as TranscriptRecord & { seq: number };
        assert.deepEqual(read, event, `${keyOf(match)} reads back whole`);
      }
      const products = records.filter((record) => record.type === 'proposal');
      assert.ok(products.every((record) => record.proposal.product.includes(SELECTION)));
      assert.ok(!records.some((record) => (record.type as string) === 'text'));
      assert.ok(transcriptToMarkdown(records).includes('Add a header comment'));
      const listed = (await service.listRuns()).find((run) => run.runId === runId);
      assert.equal(listed?.state, 'completed');
    } finally {
      service.dispose();
    }
  });
});

/** One record per key among the compared types (a call by its id; a proposal by author, phase and time). */
function keyOf(record: TranscriptRecord): string {
  if (record.type === 'call-started' || record.type === 'call-finished')
    return `${record.type} ${record.callId}`;
  if (record.type === 'proposal')
    return `proposal ${record.proposal.participantId} ${record.proposal.phase} ${record.at}`;
  return `${record.type} ${record.at}`;
}
