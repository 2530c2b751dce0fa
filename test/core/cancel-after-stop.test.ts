/**
 * A cancel after a stop with the best so far still cancels (src/core/finish-consensus.ts
 * `finishOnStop`): the panel's Stop then Cancel, MCP cancel_task keepBest then cancel_task, and
 * the CLI's second Ctrl-C all reach the engine as the finishEarly signal, then the run's signal.
 */
import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import {
  createScriptedCouncil,
  DISAGREEING_PLAN,
  MemoryTranscript,
  type CouncilPlan,
} from '../support/scripted-council';

const plan: CouncilPlan = { ...DISAGREEING_PLAN, latencyMs: 5 };

async function stopThen(cancel: boolean) {
  const council = createScriptedCouncil(plan);
  const transcript = new MemoryTranscript();
  const stop = new AbortController();
  const cancelling = new AbortController();
  const stopOnce = (event: RunEvent) => {
    if (stop.signal.aborted || event.type !== 'token-delta' || event.phase !== 'review') return;
    stop.abort();
    if (cancel) cancelling.abort();
  };
  const result = await runConsensus(
    { task: 'Fix the loop', outputKind: 'text', seed: 5, maxRounds: 4 },
    {
      participants: council.participants,
      transcript,
      finishEarly: stop.signal,
      signal: cancelling.signal,
      onEvent: stopOnce,
    },
  );
  return { result, records: transcript.records() };
}

describe('a cancel after a stop with the best so far', () => {
  it('ends the run cancelled, not provisional; the transcript ends with the run', async () => {
    const { result, records } = await stopThen(true);
    assert.equal(result.status, 'cancelled');
    assert.equal(result.stopReason, 'cancelled');
    assert.equal(records.at(-1)?.type, 'run-finished');
  });

  it('the stop alone still ends provisional', async () => {
    const { result } = await stopThen(false);
    assert.equal(result.status, 'provisional');
    assert.equal(result.stopReason, 'stopped');
  });
});
