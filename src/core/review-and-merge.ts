/**
 * The two phases a round repeats: blind cross review (neutral labels, per-reviewer seeded
 * order, never one's own text) and merge (each participant merges everything it was shown).
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
import {
  mergePrompt,
  reviewPrompt,
  type LabelledProposal,
  type ReviewForMerge,
  type TaskFrame,
} from './consensus-prompts';
import { createSeededRandom, deriveSeed, shuffled } from './seeded-random';
import { meanScoresByAuthor } from './check-convergence';
import type { ConvergenceCheckInput } from './engine-api-types';
import { settleParticipants } from './settle-participants';

export interface ReviewRound {
  round: number;
  reports: ReviewerReport[];
  reviews: PeerReview[];
  improvementRoom: Record<string, ImprovementRoom>;
  meanScores: Record<string, number>;
  meanOfAll: number;
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

export function labelFor(index: number): string {
  return `Proposal ${String.fromCharCode(65 + index)}`;
}

function labelled(
  proposals: Proposal[],
  random: () => number,
): { labels: LabelledProposal[]; labelMap: Record<string, string> } {
  const order = shuffled(proposals, random);
  const labelMap: Record<string, string> = {};
  const labels = order.map((proposal, index) => {
    const label = labelFor(index);
    labelMap[label] = proposal.participantId;
    return { label, product: proposal.product, rationale: proposal.rationale };
  });
  return { labels, labelMap };
}

export async function reviewPhase(
  context: RunContext,
  frame: TaskFrame,
  participants: Participant[],
  proposals: Proposal[],
  round: number,
  runSeed: number,
  abstain: Abstain,
): Promise<ReviewRound> {
  context.emit({ type: 'phase-started', phase: 'review', round });
  const settled = await settleParticipants(
    participants,
    (reviewer) => reviewOne(context, frame, reviewer, proposals, round, runSeed, abstain),
    (reviewer, error) => abstain(reviewer, 'review', round, { ok: false, error }),
  );
  return summarizeReviews(
    round,
    settled.map((entry) => entry.value),
  );
}

/**
 * One reviewer's call: every proposal of `proposals` but its own, under neutral labels. The
 * scheduler calls it as soon as the others' proposals exist (it never needs the reviewer's own).
 * `stop` aborts this one call (a straggler deadline) without cancelling the run.
 */
export async function reviewOne(
  context: RunContext,
  frame: TaskFrame,
  reviewer: Participant,
  proposals: Proposal[],
  round: number,
  runSeed: number,
  abstain: Abstain,
  stop?: AbortSignal,
): Promise<ReviewerReport | undefined> {
  const others = proposals.filter((proposal) => proposal.participantId !== reviewer.id);
  if (others.length === 0) return undefined;
  const shuffleSeed = deriveSeed(runSeed, 'review', round, reviewer.id);
  const { labels, labelMap } = labelled(others, createSeededRandom(shuffleSeed));
  const outcome = await callParticipant(context, {
    participant: reviewer,
    phase: 'review',
    round,
    prompt: reviewPrompt(frame, reviewer.persona, labels),
    schema: SCHEMAS.review,
    ...(stop ? { stop } : {}),
  });
  abstain(reviewer, 'review', round, outcome);
  if (!outcome.ok) return undefined;
  const seen = new Set<string>();
  const reviews: PeerReview[] = [];
  for (const item of outcome.value.reviews) {
    const authorId = labelMap[item.label.trim()];
    // A label we did not show, or a second review of the same label, is ignored.
    if (!authorId || authorId === reviewer.id || seen.has(authorId)) continue;
    seen.add(authorId);
    reviews.push({
      reviewerId: reviewer.id,
      authorId,
      label: item.label.trim(),
      round,
      score: item.score,
      critique: item.critique,
      suggestions: item.suggestions,
      agreementOutlook: item.agreementOutlook,
      majorIssues: item.majorIssues,
    });
  }
  const report: ReviewerReport = {
    reviewerId: reviewer.id,
    round,
    improvementRoom: outcome.value.improvementRoom,
    reviews,
    labelMap,
    shuffleSeed,
  };
  context.emit({ type: 'review-done', report });
  return report;
}

/** The round's reviews as the convergence check and the merges read them. */
export function summarizeReviews(
  round: number,
  results: (ReviewerReport | undefined)[],
): ReviewRound {
  const reports = results.filter((report): report is ReviewerReport => report !== undefined);
  const reviews = reports.flatMap((report) => report.reviews);
  const meanScores = meanScoresByAuthor(reviews);
  const meanOfAll =
    reviews.length === 0
      ? 0
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
    (merger) => mergeOne(context, frame, merger, proposals, review, round, runSeed, abstain),
    (merger, error) => abstain(merger, 'merge', round, { ok: false, error }),
  );
  const results = settled.map((entry) => entry.value);
  return results.filter((proposal): proposal is Proposal => proposal !== undefined);
}

/** One merger's call: every proposal of the round and every review of them. */
export async function mergeOne(
  context: RunContext,
  frame: TaskFrame,
  merger: Participant,
  proposals: Proposal[],
  review: ReviewRound,
  round: number,
  runSeed: number,
  abstain: Abstain,
  stop?: AbortSignal,
): Promise<Proposal | undefined> {
  const random = createSeededRandom(deriveSeed(runSeed, 'merge', round, merger.id));
  const own = proposals.find((proposal) => proposal.participantId === merger.id);
  const { labels, labelMap } = labelled(proposals, random);
  const ownLabel = own
    ? Object.keys(labelMap).find((label) => labelMap[label] === merger.id)
    : undefined;
  const ownLabelled = labels.find((item) => item.label === ownLabel);
  const peers = labels.filter((item) => item.label !== ownLabel);
  const labelOfAuthor = Object.fromEntries(
    Object.entries(labelMap).map(([label, author]) => [author, label]),
  );
  const reviews: ReviewForMerge[] = review.reviews
    .filter((peer) => labelOfAuthor[peer.authorId] !== undefined)
    .map((peer) => ({ label: labelOfAuthor[peer.authorId]!, review: peer }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const outcome = await callParticipant(context, {
    participant: merger,
    phase: 'merge',
    round,
    prompt: mergePrompt(frame, merger.persona, ownLabelled, peers, reviews),
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
