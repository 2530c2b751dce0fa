/**
 * The end of a consensus run, however it ends: the result, built from what the run learned,
 * and its one run-finished event (a failed run's reason is in the result, docs/ARCHITECTURE.md
 * "The event flow").
 */
import type { ConsensusResult, ConsensusStatus, Proposal, StopReason } from './consensus-types';
import type { ConsensusRun } from './consensus-run';
import { bestSoFar } from './consensus-state';
import { BudgetStop, NoQuorumError } from './consensus-stops';
import { RunCancelledError } from './call-participant';
import { toParticipantInfo } from './participant';
import { closeRun } from './open-run';

export async function finishConsensus(
  run: ConsensusRun,
  status: ConsensusStatus,
  stopReason: StopReason,
  product?: Proposal,
  error?: { message: string; hint?: string },
): Promise<ConsensusResult> {
  const { context, input, state } = run;
  run.scheduler.dispose();
  // Whatever is still in flight (a review started early, a straggler) is not waited for.
  if (!context.cancelled) context.abandonInFlight('stopped');
  return await closeRun<ConsensusResult>(run, 'consensus', {
    runId: run.runId,
    status,
    stopReason,
    ...(product ? { product: product.product, rationale: product.rationale } : {}),
    outputKind: input.outputKind,
    roundsCompleted: state.roundsCompleted,
    converged: state.converged,
    ...(state.deadlockSignal ? { deadlockSignal: state.deadlockSignal } : {}),
    ...(state.notices.length > 0 ? { notices: state.notices } : {}),
    ...(state.finalSkipped ? { finalSkipped: true } : {}),
    ratifications: state.ratifications,
    minorityReport: state.ratifications.filter((ratification) => ratification.vote !== 'approve'),
    abstentions: run.roster.abstentions,
    participants: run.participants.map(toParticipantInfo),
    singleVendor: run.singleVendor,
    signals: state.signals,
    cost: context.summary(),
    ...(input.outputKind === 'code' && input.context
      ? { originalSelection: input.context.selection }
      : {}),
    ...(error ? { error } : {}),
  });
}

/**
 * Ends a run a step stopped by throwing: cancelled, stopped early, over budget, no quorum, a bug.
 * A cancel wins over an earlier stop with the best so far (the second Ctrl-C, or cancel after
 * keepBest): both abort the run's controller, so the cancel is read from its own flag first.
 */
export async function finishOnStop(run: ConsensusRun, error: unknown): Promise<ConsensusResult> {
  const best = bestSoFar(run.state);
  if (run.context.cancelledOutright)
    return await finishConsensus(run, 'cancelled', 'cancelled', best);
  if (run.context.finishingEarly) return await finishConsensus(run, 'provisional', 'stopped', best);
  if (error instanceof RunCancelledError || run.context.cancelled)
    return await finishConsensus(run, 'cancelled', 'cancelled', best);
  if (error instanceof BudgetStop) return await finishConsensus(run, 'budget', 'budget', best);
  if (error instanceof NoQuorumError)
    return await finishConsensus(run, 'failed', 'no-quorum', best, noQuorumFailure(run, error));
  const message = error instanceof Error ? error.message : String(error);
  return await finishConsensus(run, 'failed', 'error', best, {
    message: `The run stopped on an internal error: ${message}`,
  });
}

/** The no-quorum failure, naming who abstained where and the first hint a vendor gave. */
function noQuorumFailure(
  run: ConsensusRun,
  error: NoQuorumError,
): { message: string; hint: string } {
  const abstentions = run.roster.abstentions;
  const who = abstentions.map(
    (abstention) =>
      `${run.participants.find((p) => p.id === abstention.participantId)?.displayName ?? abstention.participantId} (${abstention.phase}: ${abstention.error.message})`,
  );
  return {
    message: `${error.message}${who.length > 0 ? ` Abstained: ${[...new Set(who)].join('; ')}.` : ''}`,
    hint:
      abstentions.find((abstention) => abstention.error.hint)?.error.hint ??
      "Check the participants' keys and models, then run again.",
  };
}
