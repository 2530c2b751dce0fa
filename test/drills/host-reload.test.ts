/**
 * Drill (issue 7): a window reload in the middle of a round. VS Code tears the extension host
 * down (the extension's subscriptions, the council service among them, are disposed) and starts
 * a new one, whose council service reads the same storage folder. Modelled in-process with the
 * council service built as src/extension/create-extension-council.ts builds it, the real engine
 * and the real vendor SDKs against the fake vendor server, slowed so a round takes a while.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import type { ConsensusInput, ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { CouncilService } from '../../src/shared/council-service';
import { lostCalls } from './fixtures/call-accounting';
import { holdFirstReview, hostCouncil } from './fixtures/drill-council';
import { endingHostStore } from './fixtures/ending-host-store';
import { waitUntilQuiet } from './fixtures/transcript-file';
import { eventually } from '../support/eventually';
import { useVendorSuite } from '../support/vendor-council';

const TASK = 'Summarise the caching strategy\nfor the settings page';

/** What the panel's Re-run button does (src/extension/panel/panel-message-handlers.ts). */
async function rerunLikeThePanel(
  service: CouncilService,
  runId: string,
): Promise<{ runId: string }> {
  const records = await service.readTranscript(runId);
  const started = records.find((record) => record.type === 'run-started');
  assert.ok(
    started?.type === 'run-started' && started.protocol === 'consensus',
    'the transcript holds the consensus input the Re-run button needs',
  );
  const { runId: _old, seed: _seed, ...input } = started.input as ConsensusInput;
  return service.startConsensus({ input, origin: 'panel' });
}

describe('drill: the window reloads while a council runs (extension host torn down)', function () {
  this.timeout(60_000);
  let releaseHeld: () => void = () => {};
  // Registered first so it runs first: the held reply ends before the folder is removed.
  afterEach(() => releaseHeld());
  const suite = useVendorSuite();

  /**
   * Starts a run in the old host and waits until the drafts and two of the three reviews are
   * done while gpt-sim is still writing its review: the moment of the reload.
   */
  async function runUntilMidRound(service: CouncilService): Promise<{
    runId: string;
    seen: RunEvent[];
  }> {
    releaseHeld = holdFirstReview(suite.vendor);
    const seen: RunEvent[] = [];
    const { runId } = await service.startConsensus({
      input: { task: TASK, outputKind: 'text' },
      origin: 'panel',
    });
    await new Promise<void>((resolve, reject) => {
      service.subscribe(runId, (event) => {
        if (event.type !== 'token-delta') seen.push(event);
        if (event.type === 'run-finished' || event.type === 'run-failed') {
          reject(new Error(`the run ended before the reload: ${event.type}`));
        }
        const reviews = seen.filter((e) => e.type === 'call-finished' && e.phase === 'review');
        if (reviews.length === 2) resolve();
      });
    });
    // Nothing more happens until gpt-sim answers: the user reloads the window now.
    await waitUntilQuiet(join(suite.folder, `${runId}.jsonl`), 300);
    return { runId, seen };
  }

  it('keeps every finished call, lists the run as interrupted with its re-run offer, and the re-run completes', async () => {
    const oldStore = endingHostStore(new JsonlTranscriptStore(suite.folder));
    const oldHost = hostCouncil(suite.vendor, suite.folder, oldStore);
    const { runId, seen } = await runUntilMidRound(oldHost);
    const heldCall = suite.vendor.calls.find(
      (c) => c.model === 'gpt-sim' && c.schemaName === 'review',
    );
    assert.ok(heldCall && !heldCall.clientDisconnected, 'gpt-sim is still answering');
    const repliedBeforeReload = suite.vendor.calls.filter((c) => !c.clientDisconnected).length - 1;

    // Window reload: deactivate disposes the council, then the extension host process ends.
    oldHost.dispose();
    oldStore.processEnded();
    await eventually(() => heldCall.clientDisconnected, 'the in-flight vendor call is dropped');

    const newHost = hostCouncil(suite.vendor, suite.folder);
    try {
      const records = await newHost.readTranscript(runId);
      assert.deepEqual(
        records.map((r) => r.seq),
        records.map((_, index) => index),
        'no record missing before the reload',
      );
      // Every call that finished before the reload is kept; the one in flight is the only loss.
      assert.deepEqual(lostCalls(suite.vendor, records), {
        'gpt-sim': 0,
        'claude-sim': 0,
        'gemini-sim': 0,
      });
      const finished = records.filter((r) => r.type === 'call-finished');
      assert.equal(finished.length, repliedBeforeReload);
      assert.deepEqual(
        finished.map((r) => r.type === 'call-finished' && r.text),
        seen
          .filter((e) => e.type === 'call-finished')
          .map((e) => e.type === 'call-finished' && e.text),
        'the transcript holds the texts the panel showed',
      );
      assert.equal(records.filter((r) => r.type === 'proposal').length, 3, 'the drafts are kept');
      assert.equal(records.filter((r) => r.type === 'review-done').length, 2);
      assert.ok(!records.some((r) => r.type === 'run-finished' || r.type === 'run-failed'));

      // The history the new panel shows: the run, interrupted, with no outcome.
      const [summary, ...others] = await newHost.listRuns();
      assert.equal(others.length, 0);
      assert.equal(summary?.runId, runId);
      assert.equal(summary?.state, 'interrupted');
      assert.equal(summary?.outcome, undefined, 'the panel shows the state, not an outcome');
      assert.equal(summary?.title, TASK);
      assert.equal(summary?.origin, 'panel');
      const status = await newHost.getStatus(runId);
      assert.notEqual(status?.state, 'in_progress');
      assert.match(status?.message ?? '', /Interrupted.*re-run/s);
      await assert.rejects(newHost.waitForResult(runId), /interrupted/);

      // Re-run: a new run with the same task, in the new host, that completes.
      suite.vendor.reset();
      releaseHeld();
      const rerun = await rerunLikeThePanel(newHost, runId);
      assert.notEqual(rerun.runId, runId);
      const result = (await newHost.waitForResult(rerun.runId)) as ConsensusResult;
      assert.equal(result.status, 'unanimous');
      assert.equal(result.product, 'Council answer: Summarise the caching strategy');
      const rerunStart = (await newHost.readTranscript(rerun.runId))[0] as TranscriptRecord;
      assert.ok(rerunStart.type === 'run-started');
      assert.equal((rerunStart.input as ConsensusInput).task, TASK);
      const history = await newHost.listRuns();
      assert.deepEqual(
        history.map((run) => [run.runId, run.state]),
        [
          [rerun.runId, 'completed'],
          [runId, 'interrupted'],
        ],
      );
    } finally {
      newHost.dispose();
    }
  });

  // A real reload: the old host lives on for a moment after dispose(); the run it leaves must
  // still read as interrupted (the user never cancelled it), with nothing written after dispose.
  it('lists the run as interrupted even when the old host outlives dispose() by a moment', async () => {
    const oldStore = new JsonlTranscriptStore(suite.folder);
    const oldHost = hostCouncil(suite.vendor, suite.folder, oldStore);
    const { runId } = await runUntilMidRound(oldHost);
    oldHost.dispose();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await oldStore.flush();
    const newHost = hostCouncil(suite.vendor, suite.folder);
    try {
      const [summary] = await newHost.listRuns();
      assert.equal(summary?.runId, runId);
      assert.equal(summary?.state, 'interrupted');
      const records = await newHost.readTranscript(runId);
      assert.ok(!records.some((r) => r.type === 'run-finished'), 'no end record after dispose');
    } finally {
      newHost.dispose();
    }
  });
});
