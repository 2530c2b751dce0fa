/**
 * Transcripts under damage: a full disk mid-run (an injected writer that writes part of a line,
 * then fails with ENOSPC), files that are not regular files or are too big, wrong-shaped and torn
 * lines. Nothing crashes, nothing later is lost, the run stays in the history, and the service
 * says the transcript is incomplete (result, status, one event).
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { JsonlTranscriptStore, type AppendLine } from '../../src/app/jsonl-transcript-store';
import { exportRun } from '../../src/app/export-run';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import { EchoLanguageModel } from './support/echo-language-model';
import { fakeRunConsensus } from './support/fake-engine';
import { councilOver, tempFolder } from './support/council-fixture';

const phase = (runId: string, seq: number): TranscriptRecord => ({
  type: 'phase-started',
  runId,
  at: seq,
  seq,
  phase: 'draft',
  round: 1,
});
const started = (runId: string): TranscriptRecord => ({
  type: 'run-started',
  runId,
  at: 1,
  seq: 0,
  protocol: 'consensus',
  participants: [],
  input: { task: `task of ${runId}`, outputKind: 'text' },
});

/** Writes the lines it is told to fail half-way, then throws ENOSPC, like a full disk. */
function diskFullOn(failing: Set<number>): { append: AppendLine; calls: number } {
  const state = {
    calls: 0,
    append: (path: string, line: string) => {
      state.calls += 1;
      if (failing.has(state.calls)) {
        appendFileSync(path, line.slice(0, Math.floor(line.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      appendFileSync(path, line);
    },
  };
  return state;
}

describe('transcripts under damage', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  it('a failed append is reported, and every later record is still read (torn tail repaired)', async () => {
    const disk = diskFullOn(new Set([3, 4]));
    const store = new JsonlTranscriptStore(folder.path, () => false, { appendLine: disk.append });
    const outcomes: string[] = [];
    for (let seq = 0; seq < 8; seq += 1) {
      const record = seq === 0 ? started('r1') : phase('r1', seq);
      outcomes.push(
        await store.append('r1', record).then(
          () => 'ok',
          () => 'failed',
        ),
      );
    }
    assert.deepEqual(outcomes, ['ok', 'ok', 'failed', 'failed', 'ok', 'ok', 'ok', 'ok']);
    const records = await store.read('r1');
    assert.deepEqual(
      records.map((r) => r.seq),
      [0, 1, 4, 5, 6, 7],
    );
    // Every line of the file is a whole record: the torn halves were cut away.
    const lines = readFileSync(join(folder.path, 'r1.jsonl'), 'utf8').split('\n');
    assert.equal(lines.pop(), '');
    for (const line of lines) JSON.parse(line);
  });

  it('the service marks result and status transcriptIncomplete and tells viewers once', async () => {
    const disk = diskFullOn(new Set([2, 3]));
    const { service } = councilOver(
      folder.path,
      (provider, model) =>
        provider === 'fake' ? new EchoLanguageModel(provider, model) : undefined,
      {
        engine: { runConsensus: fakeRunConsensus() },
        transcripts: new JsonlTranscriptStore(folder.path, undefined, { appendLine: disk.append }),
      },
    );
    const events: RunEvent[] = [];
    service.watchAllRuns((event) => events.push(event));
    const { runId } = await service.startConsensus({
      input: { task: 'Add a docstring', outputKind: 'text' },
      origin: 'cli',
    });
    const result = (await service.waitForResult(runId)) as ConsensusResult;
    assert.equal(result.status, 'unanimous');
    assert.equal(result.transcriptIncomplete, true);
    assert.equal((await service.getStatus(runId))?.transcriptIncomplete, true);
    assert.equal(events.filter((event) => event.type === 'transcript-incomplete').length, 1);
    const records = await service.readTranscript(runId);
    assert.equal(records.at(-1)?.type, 'run-finished', 'the end record after the failure is kept');
    const [summary] = await service.listRuns();
    assert.equal(summary?.state, 'completed');
    service.dispose();
  });

  it('skips a transcript that is a symlink (to /dev/zero) or a FIFO, and refuses an oversized one', async () => {
    const store = new JsonlTranscriptStore(folder.path, () => false, { maxFileBytes: 4096 });
    await store.append('good', started('good'));
    symlinkSync('/dev/zero', join(folder.path, 'zero.jsonl'));
    symlinkSync(join(folder.path, 'good.jsonl'), join(folder.path, 'alias.jsonl'));
    execFileSync('mkfifo', [join(folder.path, 'fifo.jsonl')]);
    writeFileSync(
      join(folder.path, 'big.jsonl'),
      `${JSON.stringify(started('big'))}\n`.repeat(100),
    );
    assert.deepEqual(
      (await store.list()).map((run) => run.runId),
      ['good'],
    );
    for (const runId of ['zero', 'alias', 'fifo', 'big'])
      await assert.rejects(store.read(runId), /not a regular file|symbolic link|limit/, runId);
    // Nor is a planted symlink ever written through.
    await assert.rejects(store.append('zero', phase('zero', 1)));
  });

  it('skips a wrong-shaped record instead of crashing the history or the export', async () => {
    const store = new JsonlTranscriptStore(folder.path, () => false);
    const path = join(folder.path, 'bad.jsonl');
    writeFileSync(
      path,
      [
        JSON.stringify(started('bad')),
        '{"type":"run-started","runId":"bad","at":1,"seq":0}',
        '{"type":"proposal","runId":"bad","at":2,"seq":1,"proposal":{"participantId":7}}',
        '{"type":"review-done","runId":"bad","at":3,"seq":2,"report":null}',
        '{"type":"notice","runId":"bad","at":3,"seq":3,"notice":{"cause":"no-usable-reviews"}}',
        '{"type":"run-failed","runId":"bad","at":4,"seq":4,"error":{"message":"boom"}}',
        '',
      ].join('\n'),
    );
    const records = await store.read('bad');
    assert.deepEqual(
      records.map((r) => r.type),
      ['run-started', 'run-failed'],
    );
    assert.match(exportRun('bad', records, 'markdown'), /boom/);
    assert.equal((await store.list())[0]?.state, 'failed');
  });

  it('a corrupt first line keeps the run in the history; a torn line never swallows the next record', async () => {
    const store = new JsonlTranscriptStore(folder.path, () => false);
    writeFileSync(
      join(folder.path, 'torn.jsonl'),
      [
        '{"type":"run-started","runId":"torn","at":1,"se',
        `{"type":"call-fini${JSON.stringify(phase('torn', 1))}`,
        JSON.stringify({
          type: 'run-failed',
          runId: 'torn',
          at: 9,
          seq: 2,
          error: { message: 'x' },
        }),
        '',
      ].join('\n'),
    );
    const records = await store.read('torn');
    assert.deepEqual(
      records.map((r) => r.seq),
      [1, 2],
    );
    const [summary] = await store.list();
    assert.equal(summary?.runId, 'torn');
    assert.equal(summary?.state, 'failed');
  });
});
