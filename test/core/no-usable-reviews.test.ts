/**
 * Honest signals (docs/PROTOCOL.md "Signals"): rounds whose reviews brought no usable score are
 * no evidence of a deadlock, and two of them in a row stop the run as `no-usable-reviews`.
 */
import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import {
  MemoryTranscript,
  createScriptedCouncil,
  distinctText,
  type CouncilPlan,
} from '../support/scripted-council';
import { unusableReview } from '../support/unusable-review';

const AGREED = 'line one\nline two\nline three\nline four';

async function run(plan: CouncilPlan, maxRounds = 4) {
  const council = createScriptedCouncil(plan);
  const transcript = new MemoryTranscript();
  const events: RunEvent[] = [];
  const result = await runConsensus(
    { task: 'Name a colour', outputKind: 'text', seed: 5, maxRounds },
    { participants: council.participants, transcript, onEvent: (event) => events.push(event) },
  );
  return { result, events, council };
}

/** Merges that never change: the no-new-information signal fires as soon as it is read. */
const unchangingMerges: CouncilPlan = {
  product: (index, phase) => distinctText(index + (phase === 'draft' ? 0 : 10)),
  score: (reviewer, round) => Math.min(10, 1 + round * 2 + reviewer),
  critique: (reviewer, round) => [distinctText(reviewer * 5 + round * 11, 2)],
  improvementRoom: () => 'major',
};

describe('runConsensus: rounds without a usable review', () => {
  for (const maxRounds of [1, 4])
    it(`every review unusable (maxRounds ${maxRounds}): stops as no-usable-reviews, provisional, no deadlock claimed, nothing ratified`, async () => {
      const { result, events } = await run(
        { ...unchangingMerges, override: (_index, call) => unusableReview(call) },
        maxRounds,
      );
      assert.equal(result.status, 'provisional');
      assert.equal(result.stopReason, 'no-usable-reviews');
      assert.equal(result.deadlockSignal, undefined);
      assert.equal(result.converged, false);
      assert.ok(!events.some((event) => event.type === 'deadlock'));
      assert.deepEqual(
        (result.notices ?? []).map((notice) => [notice.cause, notice.round]),
        [
          ['no-usable-reviews', 1],
          ['no-usable-reviews', 2],
        ],
      );
      assert.equal(result.roundsCompleted, 1);
      assert.deepEqual(
        result.signals.map((signals) => [signals.scoreSpread, signals.cause]),
        [[null, 'no-usable-reviews']],
      );
      // Nothing was scored, so nothing is put to the council as agreed.
      assert.deepEqual(result.ratifications, []);
      assert.ok(
        !events.some(
          (event) =>
            event.type === 'phase-started' && (event.phase === 'final' || event.phase === 'ratify'),
        ),
      );
      assert.equal(result.product, distinctText(10)); // the unscored best: a round-1 merge
    });

  it('merges written from a round without usable reviews are no evidence of a deadlock', async () => {
    // Round 2's reviews (of round 1's merges) are unusable; rounds 1, 3 and 4 are fine. The
    // merges never change, so no-new-information is first claimable between rounds 2 and 3
    // (round 3's merges were written from usable critique), never on round 2's blind merges.
    const { result, events } = await run({
      ...unchangingMerges,
      override: (_index, call) => (call.nth === 2 ? unusableReview(call) : undefined),
    });
    assert.deepEqual(
      (result.notices ?? []).map((notice) => notice.round),
      [2],
    );
    const deadlocks = events.flatMap((event) => (event.type === 'deadlock' ? [event] : []));
    assert.deepEqual(
      deadlocks.map((event) => [event.round, event.signal]),
      [[3, 'no-new-information']],
    );
    assert.equal(result.status, 'deadlock');
    assert.equal(result.stopReason, 'deadlock');
  });

  it("one round without usable reviews (the drafts') does not stop the run", async () => {
    const { result } = await run({
      product: (index, phase) => (phase === 'draft' ? distinctText(index) : AGREED),
      score: () => 9,
      improvementRoom: () => 'none',
      override: (_index, call) => (call.nth === 1 ? unusableReview(call) : undefined),
    });
    assert.equal(result.status, 'unanimous');
    assert.equal(result.stopReason, 'converged');
    assert.deepEqual(
      (result.notices ?? []).map((notice) => notice.round),
      [1],
    );
  });
});
