/**
 * One round on given proposals (the MCP tool run_iteration): every participant reviews every
 * given proposal, then writes its merged proposal. The given proposals belong to the caller, so
 * no participant is their author and every participant reviews all of them.
 */
import type { IterationInput, IterationResult } from './engine-api-types';
import type { EngineDependencies } from './engine-dependencies';
import type { Abstention, Phase, Proposal } from './consensus-types';
import { toParticipantInfo, type Participant } from './participant';
import type { CallOutcome } from './call-participant';
import { reviewPhase, mergePhase, scoredProposals } from './review-and-merge';
import { checkConvergence } from './check-convergence';
import { raceCancel } from './race-cancel';
import { openRun, taskFrameOf } from './open-run';

export async function runIteration(
  input: IterationInput,
  deps: EngineDependencies,
): Promise<IterationResult> {
  const { runId, context, seed } = openRun(input, deps);
  const round = input.round ?? 1;
  const frame = taskFrameOf(input);
  const participantIds = new Set(deps.participants.map((participant) => participant.id));
  // Caller ids must not collide with participant ids, or a participant would skip "its own" proposal.
  const proposals: Proposal[] = input.proposals.map((proposal) => ({
    participantId: participantIds.has(proposal.authorId)
      ? `given:${proposal.authorId}`
      : proposal.authorId,
    round: round - 1,
    phase: 'draft',
    product: proposal.product,
    rationale: proposal.rationale ?? '',
  }));
  const abstentions: Abstention[] = [];
  const abstain = (
    participant: Participant,
    phase: Phase,
    atRound: number,
    outcome: CallOutcome<unknown>,
  ) => {
    if (outcome.ok) return;
    const abstention: Abstention = {
      participantId: participant.id,
      phase,
      round: atRound,
      error: outcome.error.toJSON(),
    };
    abstentions.push(abstention);
    context.emit({ type: 'abstained', abstention });
  };
  context.emit({
    type: 'run-started',
    protocol: 'consensus',
    participants: deps.participants.map(toParticipantInfo),
    input: { task: input.task, outputKind: input.outputKind, runId },
    settings: { iteration: true, round, seed },
  });
  try {
    const review = await raceCancel(
      context,
      reviewPhase(context, frame, deps.participants, proposals, round, seed, abstain),
    );
    const merged = await raceCancel(
      context,
      mergePhase(context, frame, deps.participants, proposals, review, round, seed, abstain),
    );
    const signals = checkConvergence({
      ...scoredProposals(merged, review),
      round,
      ...(input.thresholds ? { thresholds: input.thresholds } : {}),
    });
    context.emit({ type: 'round-scored', signals });
    return {
      runId,
      round,
      reviews: review.reviews,
      improvementRoom: review.improvementRoom,
      merged,
      signals,
      abstentions,
      participants: deps.participants.map(toParticipantInfo),
      cost: context.summary(),
    };
  } finally {
    await context.flush();
    context.dispose();
  }
}
