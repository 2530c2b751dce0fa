/**
 * Step 7 of the protocol (docs/PROTOCOL.md): final versions combined by majority hunks, then
 * ratified by everyone. When the converged merged proposals are identical the final versions
 * could only repeat them, so (unless `alwaysRunFinal`) the combined product is that text and
 * goes straight to ratification, recorded as a `final-skipped` event.
 */
import type { Phase, Proposal, Ratification } from './consensus-types';
import type { Participant } from './participant';
import type { RunContext } from './run-context';
import { callParticipant, type CallOutcome } from './call-participant';
import { SCHEMAS } from './structured-schemas';
import { finalPrompt, ratificationPrompt, type TaskFrame } from './consensus-prompts';
import { combineFinals } from './combine-finals';
import { displayOrder, type RoundLabels } from './round-labels';
import { peerViewFor } from './peer-view';

/** Runs one phase's calls at once; settles to the successful outcomes' participants and values. */
export type PhaseCalls = <T>(
  phase: Phase,
  round: number,
  who: Participant[],
  call: (participant: Participant, stop: AbortSignal | undefined) => Promise<CallOutcome<T>>,
) => Promise<{ participant: Participant; outcome: CallOutcome<T> }[]>;

export interface FinalPhaseInput {
  context: RunContext;
  frame: TaskFrame;
  seed: number;
  /**
   * The last debate round (the round of `merged`, as the signals number it): the final
   * versions, the ratification and `final-skipped` carry it, so every surface names one round.
   */
  round: number;
  /** The converged (or last) merged proposals. */
  merged: Proposal[];
  /** Every participant of the run (whose identities are masked in what peers see). */
  participants: Participant[];
  /** The labels of the review that scored `merged`. */
  labels: RoundLabels;
  meanScores: Record<string, number>;
  skip: boolean;
  who: () => Participant[];
  phaseCalls: PhaseCalls;
  collect: (
    outcomes: { participant: Participant; outcome: CallOutcome<FinalShape> }[],
    round: number,
  ) => Proposal[];
  requireQuorum: (count: number, phase: Phase) => void;
  checkBudget: (calls: number) => void;
}

type FinalShape = { product: string; rationale: string };

export async function finalPhase(
  input: FinalPhaseInput,
): Promise<{ product: Proposal; ratifications: Ratification[] }> {
  const { context, frame, round } = input;
  const combined = input.skip ? skipped(input) : await combinedFinals(input);
  context.emit({
    type: 'combined',
    product: combined.product,
    agreement: combined.agreement,
    decisions: combined.decisions,
  });

  input.checkBudget(input.who().length);
  const votes = await input.phaseCalls('ratify', round, input.who(), (participant, stop) =>
    callParticipant(context, {
      participant,
      phase: 'ratify',
      round,
      prompt: ratificationPrompt(
        frame,
        participant.persona,
        peerViewFor(context, input.participants, frame).text(combined.product, 'product', {
          authorId: 'council',
          round,
          source: 'combined',
          field: 'product',
        }),
      ),
      schema: SCHEMAS.ratification,
      ...(stop ? { stop } : {}),
    }),
  );
  const ratifications: Ratification[] = [];
  for (const { participant, outcome } of votes) {
    if (!outcome.ok) continue;
    const ratification: Ratification = {
      participantId: participant.id,
      vote: outcome.value.vote,
      reasons: outcome.value.reasons,
    };
    ratifications.push(ratification);
    context.emit({ type: 'ratified', ratification });
  }
  input.requireQuorum(ratifications.length, 'ratify');
  const product: Proposal = {
    participantId: 'council',
    round,
    phase: 'final',
    product: combined.product,
    rationale: combined.rationale,
  };
  return { product, ratifications };
}

interface Combined {
  product: string;
  rationale: string;
  agreement: number;
  decisions: { hunk: number; decidedBy: 'majority' | 'highest-score'; winnerIds: string[] }[];
}

function skipped(input: FinalPhaseInput): Combined {
  input.context.emit({
    type: 'final-skipped',
    round: input.round,
    reason: 'identical-merged-proposals',
  });
  const first = input.merged[0]!;
  const rationale = input.merged.map((proposal) => proposal.rationale).filter(Boolean)[0] ?? '';
  return { product: first.product, rationale, agreement: 1, decisions: [] };
}

async function combinedFinals(input: FinalPhaseInput): Promise<Combined> {
  const { context, frame, seed, round } = input;
  input.checkBudget(input.who().length * 2);
  // The labels of the review that scored these proposals; each member sees them in its own
  // seeded order (no position is privileged), identities masked.
  const view = peerViewFor(context, input.participants, frame);
  const labelledFor = (participant: Participant) =>
    displayOrder(input.merged, seed, 'final', round, participant.id).items.map((proposal) =>
      view.proposal(proposal, input.labels.byAuthor[proposal.participantId]!),
    );
  const finals = await input.phaseCalls('final', round, input.who(), (participant, stop) =>
    callParticipant(context, {
      participant,
      phase: 'final',
      round,
      prompt: finalPrompt(frame, participant.persona, labelledFor(participant)),
      schema: SCHEMAS.final,
      ...(stop ? { stop } : {}),
    }),
  );
  const finalProposals = input.collect(finals, round);
  input.requireQuorum(finalProposals.length, 'final');
  const combined = combineFinals(
    finalProposals.map((proposal) => ({
      participantId: proposal.participantId,
      product: proposal.product,
      meanScore: input.meanScores[proposal.participantId] ?? 0,
    })),
  );
  const rationale = finalProposals.map((proposal) => proposal.rationale).filter(Boolean)[0] ?? '';
  return { ...combined, rationale };
}
