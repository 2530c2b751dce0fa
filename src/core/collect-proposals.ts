/** Proposals from successful call outcomes, each announced with a `proposal` event. */
import type { Proposal } from './consensus-types';
import type { Participant } from './participant';
import type { RunContext } from './run-context';
import type { CallOutcome } from './call-participant';

export function toProposal(
  participant: Participant,
  value: { product: string; rationale: string; critiqueResponse?: string[] },
  round: number,
  phase: Proposal['phase'],
): Proposal {
  return {
    participantId: participant.id,
    round,
    phase,
    product: value.product,
    rationale: value.rationale,
    ...(value.critiqueResponse ? { critiqueResponse: value.critiqueResponse } : {}),
  };
}

export function collectProposals(
  context: RunContext,
  outcomes: {
    participant: Participant;
    outcome: CallOutcome<{ product: string; rationale: string; critiqueResponse?: string[] }>;
  }[],
  round: number,
  phase: Proposal['phase'],
): Proposal[] {
  const proposals: Proposal[] = [];
  for (const { participant, outcome } of outcomes) {
    if (!outcome.ok) continue;
    const proposal = toProposal(participant, outcome.value, round, phase);
    proposals.push(proposal);
    context.emit({ type: 'proposal', proposal });
  }
  return proposals;
}
