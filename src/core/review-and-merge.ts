/**
 * The two phases a round repeats (docs/PROTOCOL.md): blind cross review (the round's one label
 * per author, a per-reviewer seeded display order, never one's own text, identities masked) and
 * merge (each participant merges everything it was shown, under the same labels).
 */
import type {
  ImprovementRoom,
  PeerReview,
  Phase,
  Proposal,
  ReviewerReport,
} from './consensus-types';
import type { Participant } from './participant';
import type { RunContext } from './run-context';
import { callParticipant, type CallOutcome } from './call-participant';
import { SCHEMAS } from './structured-schemas';
import { mergePrompt, reviewPrompt, type TaskFrame } from './consensus-prompts';
import { assignRoundLabels, displayOrder, type RoundLabels } from './round-labels';
import { describeMissingReviews, matchReviews, reviewSchemaFor } from './review-schema';
import { peerViewFor } from './peer-view';
import { meanScoresByAuthor } from './check-convergence';
import type { ConvergenceCheckInput } from './engine-api-types';
import { settleParticipants } from './settle-participants';

export interface ReviewRound {
  round: number;
  reports: ReviewerReport[];
  reviews: PeerReview[];
  improvementRoom: Record<string, ImprovementRoom>;
  meanScores: Record<string, number>;
  /** Mean of every usable score of the round; undefined when none arrived. */
  meanOfAll: number | undefined;
  /** The round's label map, the same for every reviewer and merger. */
  labels: RoundLabels;
  /** Every critique point of the round, sorted, one per line (order-independent for comparison). */
  critiqueText: string;
}

/** What the convergence check needs from a round: the proposals and the reviews of them. */
export function scoredProposals(
  proposals: Proposal[],
  review: ReviewRound,
): Pick<ConvergenceCheckInput, 'proposals' | 'scores' | 'improvementRoom'> {
  return {
    proposals: proposals.map((proposal) => ({
      authorId: proposal.participantId,
      product: proposal.product,
    })),
    scores: review.reviews.map((peer) => ({
      reviewerId: peer.reviewerId,
      authorId: peer.authorId,
      score: peer.score,
      majorIssues: peer.majorIssues,
    })),
    improvementRoom: review.improvementRoom,
  };
}

export type Abstain = (
  participant: Participant,
  phase: Phase,
  round: number,
  outcome: CallOutcome<unknown>,
) => void;

/**
 * The round's labels: every participant and every author of a current proposal gets one, from
 * the run seed and the round alone, before any call (docs/PROTOCOL.md "Labels").
 */
export function roundLabelsFor(
  participants: readonly Pick<Participant, 'id'>[],
  proposals: readonly Pick<Proposal, 'participantId'>[],
  round: number,
  runSeed: number,
): RoundLabels {
  const authors = new Set([
    ...participants.map((participant) => participant.id),
    ...proposals.map((proposal) => proposal.participantId),
  ]);
  return assignRoundLabels([...authors], runSeed, round);
}

/**
 * One reviewer's call: every current proposal but its own, under the round's labels, in its own
 * seeded display order. The scheduler calls it as soon as the others' proposals exist (it never
 * needs the reviewer's own); `stop` aborts this one call (a straggler deadline) without
 * cancelling the run.
 */
export async function reviewOne(
  context: RunContext,
  frame: TaskFrame,
  participants: Participant[],
  reviewer: Participant,
  proposals: Proposal[],
  labels: RoundLabels,
  round: number,
  runSeed: number,
  abstain: Abstain,
  stop?: AbortSignal,
): Promise<ReviewerReport | undefined> {
  const others = proposals.filter((proposal) => proposal.participantId !== reviewer.id);
  if (others.length === 0) return undefined;
  const view = peerViewFor(context, participants, frame);
  const order = displayOrder(others, runSeed, 'review', round, reviewer.id);
  const shown = order.items.map((proposal) =>
    view.proposal(proposal, labels.byAuthor[proposal.participantId]!),
  );
  const shownLabels = shown.map((item) => item.label);
  const outcome = await callParticipant(context, {
    participant: reviewer,
    phase: 'review',
    round,
    prompt: reviewPrompt(frame, reviewer.persona, shown),
    schema: reviewSchemaFor(shownLabels),
    check: (value) => {
      const { missing } = matchReviews(value, shownLabels);
      return missing.length > 0 ? describeMissingReviews(missing) : undefined;
    },
    ...(stop ? { stop } : {}),
  });
  abstain(reviewer, 'review', round, outcome);
  if (!outcome.ok) return undefined;
  const matched = matchReviews(outcome.value, shownLabels);
  const reviews: PeerReview[] = [...matched.byLabel].map(([label, item]) => ({
    reviewerId: reviewer.id,
    authorId: labels.byLabel[label]!,
    label,
    round,
    score: item.score,
    critique: item.critique,
    suggestions: item.suggestions,
    agreementOutlook: item.agreementOutlook,
    majorIssues: item.majorIssues,
  }));
  const report: ReviewerReport = {
    reviewerId: reviewer.id,
    round,
    improvementRoom: outcome.value.improvementRoom,
    reviews,
    labelMap: Object.fromEntries(shownLabels.map((label) => [label, labels.byLabel[label]!])),
    shownOrder: shownLabels,
    shuffleSeed: order.seed,
    ...(matched.missing.length > 0 ? { missingLabels: matched.missing } : {}),
    ...(matched.unmatched > 0 ? { unmatchedReviews: matched.unmatched } : {}),
  };
  context.emit({ type: 'review-done', report });
  return report;
}

export async function reviewPhase(
  context: RunContext,
  frame: TaskFrame,
  participants: Participant[],
  proposals: Proposal[],
  round: number,
  runSeed: number,
  abstain: Abstain,
  labels: RoundLabels = roundLabelsFor(participants, proposals, round, runSeed),
): Promise<ReviewRound> {
  context.emit({ type: 'phase-started', phase: 'review', round });
  context.emit({ type: 'labels-assigned', round, seed: labels.seed, labels: labels.byLabel });
  const settled = await settleParticipants(
    participants,
    (reviewer) =>
      reviewOne(context, frame, participants, reviewer, proposals, labels, round, runSeed, abstain),
    (reviewer, error) => abstain(reviewer, 'review', round, { ok: false, error }),
  );
  return summarizeReviews(
    round,
    settled.map((entry) => entry.value),
    labels,
  );
}

/** The round's reviews as the convergence check and the merges read them. */
export function summarizeReviews(
  round: number,
  results: (ReviewerReport | undefined)[],
  labels: RoundLabels,
): ReviewRound {
  const reports = results.filter((report): report is ReviewerReport => report !== undefined);
  const reviews = reports.flatMap((report) => report.reviews);
  const meanScores = meanScoresByAuthor(reviews);
  const meanOfAll =
    reviews.length === 0
      ? undefined
      : reviews.reduce((sum, review) => sum + review.score, 0) / reviews.length;
  return {
    round,
    reports,
    reviews,
    improvementRoom: Object.fromEntries(
      reports.map((report) => [report.reviewerId, report.improvementRoom]),
    ),
    meanScores,
    meanOfAll,
    labels,
    critiqueText: reviews
      .flatMap((review) => review.critique.map((point) => point.trim().toLowerCase()))
      .sort()
      .join('\n'),
  };
}

export async function mergePhase(
  context: RunContext,
  frame: TaskFrame,
  participants: Participant[],
  proposals: Proposal[],
  review: ReviewRound,
  round: number,
  runSeed: number,
  abstain: Abstain,
): Promise<Proposal[]> {
  context.emit({ type: 'phase-started', phase: 'merge', round });
  const settled = await settleParticipants(
    participants,
    (merger) =>
      mergeOne(context, frame, participants, merger, proposals, review, round, runSeed, abstain),
    (merger, error) => abstain(merger, 'merge', round, { ok: false, error }),
  );
  const results = settled.map((entry) => entry.value);
  return results.filter((proposal): proposal is Proposal => proposal !== undefined);
}

/** One merger's call: every proposal of the round and every review of them, under the round's labels. */
export async function mergeOne(
  context: RunContext,
  frame: TaskFrame,
  participants: Participant[],
  merger: Participant,
  proposals: Proposal[],
  review: ReviewRound,
  round: number,
  runSeed: number,
  abstain: Abstain,
  stop?: AbortSignal,
): Promise<Proposal | undefined> {
  const labels = review.labels;
  const view = peerViewFor(context, participants, frame);
  const order = displayOrder(proposals, runSeed, 'merge', round, merger.id);
  const shown = order.items.map((proposal) => ({
    authorId: proposal.participantId,
    item: view.proposal(proposal, labels.byAuthor[proposal.participantId]!),
  }));
  const own = shown.find((entry) => entry.authorId === merger.id)?.item;
  const peers = shown.filter((entry) => entry.authorId !== merger.id).map((entry) => entry.item);
  const shownAuthors = new Set(shown.map((entry) => entry.authorId));
  const reviews = review.reviews
    .filter((peer) => shownAuthors.has(peer.authorId))
    .map((peer) => view.review(peer, labels.byAuthor[peer.authorId]!))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const outcome = await callParticipant(context, {
    participant: merger,
    phase: 'merge',
    round,
    prompt: mergePrompt(frame, merger.persona, own, peers, reviews),
    schema: SCHEMAS.merge,
    ...(stop ? { stop } : {}),
  });
  abstain(merger, 'merge', round, outcome);
  if (!outcome.ok) return undefined;
  const proposal: Proposal = {
    participantId: merger.id,
    round,
    phase: 'merge',
    product: outcome.value.product,
    rationale: outcome.value.rationale,
    critiqueResponse: outcome.value.critiqueResponse,
  };
  context.emit({ type: 'proposal', proposal });
  return proposal;
}
