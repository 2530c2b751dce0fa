/**
 * The Consensus Protocol v2 (docs/PROTOCOL.md): drafts → (review → score → merge)* → final →
 * combine → ratify. Round r's merged proposals are scored by the reviews that open round r+1,
 * so one review call is both convergence evidence and input to the next merge.
 *
 * Scheduling is dataflow ("Scheduling" in docs/PROTOCOL.md): each call starts when its inputs
 * exist. A reviewer waits only for the other participants' proposals of the round (never for its
 * own draft or merge); a merger waits for every proposal and every review of the round, since it
 * reads them all. `scheduling.mode: 'barrier'` keeps the old phase-by-phase schedule.
 */
import type { ConsensusInput, ConsensusResult, Phase } from './consensus-types';
import type { EngineDependencies } from './engine-dependencies';
import { startConsensusRun, type ConsensusRun } from './consensus-run';
import { bestSoFar } from './consensus-state';
import { checkBudget, NoQuorumError, requireQuorum } from './consensus-stops';
import { finishConsensus, finishOnStop } from './finish-consensus';
import { launchDrafts, launchMerges } from './launch-proposals';
import { runReviewRound } from './run-review-round';
import { scoreRound } from './score-round';
import { finalPhase } from './final-phase';
import { collectProposals } from './collect-proposals';
import { ratificationStatus } from './ratification-status';
import { QUORUM } from './run-defaults';

export { ratificationStatus } from './ratification-status';
export { raceCancel } from './race-cancel';
export { DEFAULT_MAX_ROUNDS, MAX_ROUNDS_LIMIT, QUORUM } from './run-defaults';

export async function runConsensus(
  input: ConsensusInput,
  deps: EngineDependencies,
): Promise<ConsensusResult> {
  const run = startConsensusRun(input, deps);
  try {
    if (run.participants.length < QUORUM)
      throw new NoQuorumError(
        `A consensus run needs at least ${QUORUM} participants; ${run.participants.length} configured.`,
      );
    const ending = await debate(run);
    if (ending === 'deadlock')
      return await finishConsensus(run, 'deadlock', 'deadlock', bestSoFar(run.state));
    // Nothing could be scored: the unscored best so far, never put to ratification as agreed.
    if (ending === 'no-usable-reviews')
      return await finishConsensus(run, 'provisional', 'no-usable-reviews', bestSoFar(run.state));
    return await closeConsensus(run);
  } catch (error) {
    return await finishOnStop(run, error);
  }
}

/** Drafts, then review → score → merge rounds until the proposals converge, the cap or a deadlock. */
async function debate(run: ConsensusRun): Promise<'deadlock' | 'no-usable-reviews' | 'ended'> {
  let pending = launchDrafts(run);
  let pendingPhase: Phase = 'draft';
  for (let round = 1; ; round += 1) {
    const review = await runReviewRound(run, pending, pendingPhase, round);
    const verdict = scoreRound(run, review, round);
    if (verdict === 'deadlock' || verdict === 'no-usable-reviews') return verdict;
    if (verdict !== 'continue') return 'ended';
    checkBudget(run.context, run.input.budget, run.participants.length);
    pending = launchMerges(run, review, round);
    pendingPhase = 'merge';
  }
}

/** 7. Final versions (skipped when the converged merges are identical), ratified by everyone. */
async function closeConsensus(run: ConsensusRun): Promise<ConsensusResult> {
  const { context, state } = run;
  const lastSignals = state.signals.at(-1);
  state.finalSkipped =
    state.converged && !run.scheduling.alwaysRunFinal && lastSignals?.textDivergence === 0;
  const { product, ratifications } = await finalPhase({
    context,
    frame: run.frame,
    seed: run.seed,
    // The closing phases belong to the last debate round (docs/PROTOCOL.md "Rounds").
    round: state.roundsCompleted,
    merged: state.current,
    participants: run.participants,
    labels: state.lastReview!.labels,
    meanScores: state.lastMeans,
    skip: state.finalSkipped,
    who: run.roster.active,
    phaseCalls: run.scheduler.phaseCalls,
    collect: (outcomes, round) => collectProposals(context, outcomes, round, 'final'),
    requireQuorum,
    checkBudget: (calls) => checkBudget(context, run.input.budget, calls),
  });
  state.ratifications.push(...ratifications);
  const status = ratificationStatus(state.converged, run.participants.length, state.ratifications);
  return await finishConsensus(run, status, state.converged ? 'converged' : 'round-cap', product);
}
