/**
 * The proposal-writing calls of a consensus round, each started at once and settling on its own:
 * the independent drafts (round 1) and each round's merged proposals. The reviews of the next
 * round start from these pending proposals as they settle ("Scheduling" in docs/PROTOCOL.md).
 */
import { callParticipant, type CallOutcome } from './call-participant';
import { toProposal } from './collect-proposals';
import { draftPrompt } from './consensus-prompts';
import type { ConsensusRun } from './consensus-run';
import type { Proposal } from './consensus-types';
import type { Participant } from './participant';
import { mergeOne, type ReviewRound } from './review-and-merge';
import { SCHEMAS } from './structured-schemas';

/** Each writer's proposal of the round, by participant id, settling as its call ends. */
export type PendingProposals = Map<string, Promise<Proposal | undefined>>;

type ProposalShape = { product: string; rationale: string; critiqueResponse?: string[] };

/** 1. Independent drafts: every request issued before any is awaited. */
export function launchDrafts(run: ConsensusRun): PendingProposals {
  const { context, scheduler } = run;
  const drafts = scheduler.open('draft', 1);
  const pending: PendingProposals = new Map(
    run.participants.map((participant) => [
      participant.id,
      scheduler.launch(participant, 'draft', 1, drafts, async (stop) =>
        draftOutcome(
          run,
          participant,
          await callParticipant(context, {
            participant,
            phase: 'draft',
            round: 1,
            prompt: draftPrompt(run.frame, participant.persona),
            schema: SCHEMAS.draft,
            ...(stop ? { stop } : {}),
          }),
        ),
      ),
    ]),
  );
  trackLatest(run, pending);
  return pending;
}

/** 3. Merged proposals: a merger reads every proposal and every review of the round. */
export function launchMerges(
  run: ConsensusRun,
  review: ReviewRound,
  round: number,
): PendingProposals {
  const { context, scheduler } = run;
  const merges = scheduler.open('merge', round);
  const current = run.state.current;
  const pending: PendingProposals = new Map(
    run.roster
      .active()
      .map((merger) => [
        merger.id,
        scheduler.launch(merger, 'merge', round, merges, (stop) =>
          mergeOne(
            context,
            run.frame,
            run.participants,
            merger,
            current,
            review,
            round,
            run.seed,
            run.roster.abstain,
            stop,
          ),
        ),
      ]),
  );
  trackLatest(run, pending);
  return pending;
}

function draftOutcome(
  run: ConsensusRun,
  participant: Participant,
  outcome: CallOutcome<ProposalShape>,
): Proposal | undefined {
  run.roster.abstain(participant, 'draft', 1, outcome);
  if (!outcome.ok) return undefined;
  const proposal = toProposal(participant, outcome.value, 1, 'draft');
  run.context.emit({ type: 'proposal', proposal });
  return proposal;
}

/** Keeps each participant's newest proposal as it settles (the best so far if the run stops). */
function trackLatest(run: ConsensusRun, pending: PendingProposals): void {
  for (const task of pending.values())
    void task.then(
      (proposal) => {
        if (proposal) run.state.latest.set(proposal.participantId, proposal);
      },
      () => undefined,
    );
}
