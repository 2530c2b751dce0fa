/**
 * Drill (issue 7): the process running a council is killed (SIGKILL) in the middle of a run.
 * A real `mlo run` (dist/cli.js) talks to the fake vendors, slowed so the run lasts seconds;
 * the test watches its JSONL transcript grow and kills it. Then it reopens the data folder the
 * way a user would (a fresh council service): is every finished call still there, is the run
 * listed as interrupted, can it be exported, does a new run work in the same folder?
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { exportRun } from '../../src/app/export-run';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { buildCliOnce, runCliProcess, startCli, type CliChild } from '../cli/support/cli-process';
import { lostCalls } from './fixtures/call-accounting';
import {
  cliEnvironment,
  holdFirstReview,
  hostCouncil,
  KEYS,
  PARTICIPANTS,
} from './fixtures/drill-council';
import { drillSeed, seededRandom } from './fixtures/random-offsets';
import { tornCopy } from './fixtures/torn-copy';
import {
  readTranscriptFile,
  waitForTranscript,
  waitUntilQuiet,
  type TranscriptFile,
} from './fixtures/transcript-file';
import { eventually } from '../support/eventually';
import { useVendorSuite } from '../support/vendor-council';

const TASK = 'Explain the retry policy of the upload client';
const MODELS = PARTICIPANTS.map((spec) => spec.split(':')[1]!);

function exitedOnItsOwn(cli: CliChild): () => string | undefined {
  return () =>
    cli.child.exitCode !== null || cli.child.signalCode !== null
      ? `exit ${cli.child.exitCode}; stderr:\n${cli.stderr()}`
      : undefined;
}

async function kill(cli: CliChild): Promise<void> {
  cli.child.kill('SIGKILL');
  const ended = await cli.done;
  assert.equal(ended.signal, 'SIGKILL', `the run ended before the kill:\n${ended.stderr}`);
}

/** Records numbered 0, 1, 2, … without a hole: nothing before the kill went missing. */
function assertNoHole(records: TranscriptRecord[], where: string): void {
  assert.deepEqual(
    records.map((record) => record.seq),
    records.map((_, index) => index),
    `${where}: the records are numbered without a gap`,
  );
}

/** What a user who reopens the product sees of a killed run. */
async function assertReopenedAsInterrupted(
  vendor: FakeVendorServer,
  dataDir: string,
  file: TranscriptFile,
  where: string,
): Promise<void> {
  const service = hostCouncil(vendor, dataDir);
  try {
    const summary = (await service.listRuns()).find((run) => run.runId === file.runId);
    assert.ok(summary, `${where}: the killed run is in the history`);
    assert.equal(summary.state, 'interrupted', `${where}: listed as interrupted`);
    assert.equal(summary.outcome, undefined, `${where}: no outcome claimed`);
    assert.equal(summary.finishedAt, undefined);
    assert.equal(summary.title, TASK);
    assert.equal(summary.origin, 'cli');
    const status = await service.getStatus(file.runId);
    assert.notEqual(status?.state, 'in_progress', `${where}: not shown as still running`);
    assert.match(status?.message ?? '', /Interrupted/, `${where}: the status says why`);
    assert.equal(await service.getResult(file.runId), undefined, `${where}: no made-up result`);
    await assert.rejects(service.waitForResult(file.runId), /interrupted/);
    const records = await service.readTranscript(file.runId);
    assert.deepEqual(records, file.records, `${where}: the service reads every complete line`);
  } finally {
    service.dispose();
  }
}

/** Half a record appended (a kill inside write(2)): the store skips that line only. */
async function assertTornLineSkipped(file: TranscriptFile, where: string): Promise<void> {
  const folder = tornCopy(file.path, file.records);
  try {
    const store = new JsonlTranscriptStore(folder);
    assert.deepEqual(await store.read(file.runId), file.records, `${where}: torn line skipped`);
    const [summary] = await store.list();
    assert.equal(summary?.runId, file.runId);
    assert.equal(summary?.state, 'interrupted', `${where}: a torn run is still listed`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('drill: the process running a council is killed (SIGKILL) mid-run', function () {
  this.timeout(60_000);
  let releaseHeld: () => void = () => {};
  before(() => buildCliOnce());
  // Registered first so it runs first: the held reply ends before the folder is removed.
  afterEach(() => releaseHeld());
  const suite = useVendorSuite();

  it('while a model is still answering: every finished call is kept, the run reopens as interrupted, exports, and a new run works', async () => {
    // The first review of gpt-sim streams one piece, then waits: the call in flight at the kill.
    releaseHeld = holdFirstReview(suite.vendor);
    const env = cliEnvironment(suite.vendor, suite.folder);
    const cli = startCli(['run', TASK, '--json'], env);
    const reviewsDone = (records: TranscriptRecord[]) =>
      records.filter((r) => r.type === 'call-finished' && r.phase === 'review').length === 2;
    const seen = await waitForTranscript(suite.folder, reviewsDone, {
      gaveUp: exitedOnItsOwn(cli),
    });
    // The process now only waits for the slow model; nothing more is written until it answers.
    await waitUntilQuiet(seen.path, 300);
    const heldCall = suite.vendor.calls.find(
      (c) => c.model === 'gpt-sim' && c.schemaName === 'review',
    );
    assert.ok(heldCall && !heldCall.clientDisconnected, 'gpt-sim is still answering its review');
    await kill(cli);
    await eventually(() => heldCall.clientDisconnected, 'the vendor sees the connection drop');

    const file = readTranscriptFile(seen.path);
    assert.equal(file.tail, '', 'the kill came between two appends: no torn line');
    assertNoHole(file.records, 'held kill');
    assert.equal(
      file.records.filter((r) => r.type === 'review-done').length,
      2,
      'the two finished reviews are kept',
    );
    assert.ok(!file.records.some((r) => r.type === 'run-finished' || r.type === 'run-failed'));
    // Every reply the vendors finished is in the transcript; only the call in flight is lost.
    assert.deepEqual(lostCalls(suite.vendor, file.records), {
      'gpt-sim': 0,
      'claude-sim': 0,
      'gemini-sim': 0,
    });
    const finished = file.records.filter((r) => r.type === 'call-finished');
    assert.deepEqual(finished.map((r) => `${r.phase}:${r.participantId}`).sort(), [
      'draft:anthropic:claude-sim',
      'draft:google:gemini-sim',
      'draft:openai:gpt-sim',
      'review:anthropic:claude-sim',
      'review:google:gemini-sim',
    ]);
    assert.ok(
      file.records.some(
        (r) =>
          r.type === 'call-started' && r.phase === 'review' && r.participantId === 'openai:gpt-sim',
      ),
      'the call in flight shows as started',
    );
    const drafts = file.records.filter((r) => r.type === 'proposal');
    assert.equal(drafts.length, 3, 'the three drafts the user saw are kept');

    await assertReopenedAsInterrupted(suite.vendor, suite.folder, file, 'held kill');
    await assertTornLineSkipped(file, 'held kill');

    // Export through the product's export path (the extension's Export Run and `mlo export`).
    const service = hostCouncil(suite.vendor, suite.folder);
    const records = await service.readTranscript(file.runId);
    service.dispose();
    const json = JSON.parse(exportRun(file.runId, records, 'json')) as {
      runId: string;
      records: TranscriptRecord[];
    };
    assert.equal(json.runId, file.runId);
    assert.deepEqual(json.records, file.records);
    const markdown = exportRun(file.runId, records, 'markdown');
    // Every outside field is a code span in the export (docs/SECURITY.md), the run id too.
    assert.ok(markdown.includes(`# Consensus run \`${file.runId}\``));
    assert.ok(markdown.includes(TASK));
    for (const model of MODELS) assert.ok(markdown.includes(model), `${model} listed`);
    for (const draft of drafts) {
      assert.ok(draft.type === 'proposal' && markdown.includes(draft.proposal.product));
    }
    assert.ok(markdown.includes('## Round 1 — `review`'));
    for (const secret of Object.values(KEYS)) {
      assert.ok(!markdown.includes(secret) && !JSON.stringify(json).includes(secret));
    }

    // A new run in the same folder works, and the killed one stays listed as interrupted.
    releaseHeld();
    suite.vendor.reset();
    const next = await runCliProcess(['run', 'Second task after the crash', '--json'], env);
    assert.equal(next.code, 0, next.stderr);
    const result = JSON.parse(next.stdout) as ConsensusResult;
    assert.equal(result.status, 'unanimous');
    assert.equal(result.product, 'Council answer: Second task after the crash');
    const reopened = hostCouncil(suite.vendor, suite.folder);
    const runs = await reopened.listRuns();
    reopened.dispose();
    assert.deepEqual(
      runs.map((run) => [run.runId, run.state]),
      [
        [result.runId, 'completed'],
        [file.runId, 'interrupted'],
      ],
    );
  });

  it('at five random moments: no broken line but the last, nothing finished is lost, each run reopens as interrupted', async () => {
    const seed = drillSeed();
    const random = seededRandom(seed);
    const env = cliEnvironment(suite.vendor, suite.folder);
    const killed: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // A one-round council writes about 64 records; kill somewhere between the 4th and the 44th
      // (well before the end, so a slow poll on a loaded machine still catches the run alive).
      const afterRecords = 4 + Math.floor(random() * 41);
      const extraMs = Math.floor(random() * 15);
      const where = `DRILL_SEED=${seed}, kill ${attempt + 1} after ${afterRecords} records + ${extraMs} ms`;
      suite.vendor.reset();
      suite.vendor.script({ reply: { chunkDelayMs: 6 } });
      const cli = startCli(['run', TASK, '--json'], env);
      const seen = await waitForTranscript(suite.folder, (r) => r.length >= afterRecords, {
        except: killed,
        gaveUp: exitedOnItsOwn(cli),
      });
      if (extraMs > 0) await new Promise((resolve) => setTimeout(resolve, extraMs));
      await kill(cli);

      const file = readTranscriptFile(seen.path); // throws if a complete line does not parse
      assert.ok(file.records.length >= afterRecords, where);
      if (file.tail !== '') assert.throws(() => JSON.parse(file.tail), where);
      assertNoHole(file.records, where);
      assert.ok(!file.records.some((r) => r.type === 'run-finished'), `${where}: unfinished`);
      // Each participant has at most one call in flight: at most that one reply may be lost.
      const lost = lostCalls(suite.vendor, file.records);
      for (const model of MODELS) {
        const count = lost[model] ?? 0;
        assert.ok(count === 0 || count === 1, `${where}: ${model} lost ${count} finished calls`);
      }
      const store = new JsonlTranscriptStore(suite.folder);
      assert.deepEqual(await store.read(file.runId), file.records, where);
      await assertTornLineSkipped(file, where);
      killed.push(file.runId);
    }

    const service = hostCouncil(suite.vendor, suite.folder);
    const runs = await service.listRuns();
    service.dispose();
    assert.deepEqual(
      runs.map((run) => run.runId).sort(),
      [...killed].sort(),
      `DRILL_SEED=${seed}: every killed run is listed`,
    );
    assert.ok(
      runs.every((run) => run.state === 'interrupted'),
      `DRILL_SEED=${seed}`,
    );
    for (const runId of killed) {
      const file = readTranscriptFile(join(suite.folder, `${runId}.jsonl`));
      await assertReopenedAsInterrupted(
        suite.vendor,
        suite.folder,
        file,
        `DRILL_SEED=${seed} ${runId}`,
      );
    }

    suite.vendor.reset();
    const next = await runCliProcess(['run', 'After five crashes', '--json'], env);
    assert.equal(next.code, 0, next.stderr);
    const result = JSON.parse(next.stdout) as ConsensusResult;
    assert.equal(result.product, 'Council answer: After five crashes');
    const reopened = hostCouncil(suite.vendor, suite.folder);
    const after = await reopened.listRuns();
    reopened.dispose();
    assert.equal(after.length, 6);
    assert.deepEqual(
      after.filter((run) => run.state === 'completed').map((run) => run.runId),
      [result.runId],
    );
  });
});
