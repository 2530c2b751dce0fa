/**
 * 4–5. Scoring: the reviews that open round r+1 score round r's merged proposals. Records the
 * round's signals and history, and says whether the run goes on. Rounds without a usable review
 * are no evidence of a deadlock; two of them in a row stop the run (docs/PROTOCOL.md "Signals").
 */
import { checkConvergence } from './check-convergence';
import type { ConsensusRun } from './consensus-run';
import { detectDeadlock } from './detect-deadlock';
import { scoredProposals, type ReviewRound } from './review-and-merge';

/** `continue`: another merge round; the others end the debate. */
export type RoundVerdict =
  'continue' | 'converged' | 'round-cap' | 'deadlock' | 'no-usable-reviews';

export function scoreRound(run: ConsensusRun, review: ReviewRound, round: number): RoundVerdict {
  const { state, context } = run;
  if (round === 1) {
    // The drafts are not scored; their reviews are the baseline the next round moves from.
    state.history.length = 0;
    state.history.push({
      round: 0,
      meanScore: review.meanOfAll,
      critique: review.critiqueText,
      merged: {},
    });
    return 'continue';
  }
  const scoredRound = round - 1;
  // The reviews the scored merges were written from (meanScore undefined: none was usable).
  const previousMeanScore = state.history.at(-1)?.meanScore;
  const signals = checkConvergence({
    ...scoredProposals(state.current, review),
    round: scoredRound,
    maxRounds: run.maxRounds,
    thresholds: run.thresholds,
    ...(previousMeanScore !== undefined ? { previousMeanScore } : {}),
  });
  state.signals.push(signals);
  state.roundsCompleted = scoredRound;
  context.emit({ type: 'round-scored', signals });
  state.history.push({
    round: scoredRound,
    meanScore: review.meanOfAll,
    critique: review.critiqueText,
    merged: Object.fromEntries(
      state.current.map((proposal) => [proposal.participantId, proposal.product]),
    ),
  });
  if (signals.converged) {
    state.converged = true;
    return 'converged';
  }
  // The reviews of the merges and those of what they merged: neither could be used, so the
  // council cannot judge its proposals, and more rounds of the same would only cost.
  const unusable = review.meanOfAll === undefined;
  if (unusable && previousMeanScore === undefined) return 'no-usable-reviews';
  if (scoredRound >= run.maxRounds) return 'round-cap'; // (d) the round cap.
  // Merges written without usable critique, or scored by no usable review, prove nothing stuck.
  if (unusable || previousMeanScore === undefined) return 'continue';
  const deadlock = detectDeadlock(state.history);
  if (!deadlock) return 'continue';
  state.deadlockSignal = deadlock.signal;
  context.emit({
    type: 'deadlock',
    round: scoredRound,
    signal: deadlock.signal,
    detail: deadlock.detail,
    measure: deadlock.measure,
  });
  return 'deadlock';
}
