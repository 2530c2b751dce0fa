/** Questions the panel asks of a run's view: who is who, the scores, the status, the rounds. */
import type { CallView, RoundView, RunViewState } from './run-view-types';

/** The latest call of each participant: what its card streams. */
export function latestCallByParticipant(state: RunViewState): Map<string, CallView> {
  const latest = new Map<string, CallView>();
  for (const call of state.calls) latest.set(call.participantId, call);
  return latest;
}

export interface ScoreMatrix {
  round: number;
  reviewerIds: string[];
  authorIds: string[];
  /** scores[reviewerId][authorId]; absent where a reviewer did not score an author (self). */
  scores: Record<string, Record<string, number>>;
  /** Mean score each author received this round. */
  meanByAuthor: Record<string, number>;
}

/** Reviewer × author scores of one round, by participant id (labels resolved by the engine). */
export function scoreMatrixOf(state: RunViewState, round: RoundView): ScoreMatrix {
  const order = state.participants.map((p) => p.id);
  const reviewers = new Set<string>();
  const authors = new Set<string>();
  const scores: Record<string, Record<string, number>> = {};
  for (const report of round.reviews) {
    reviewers.add(report.reviewerId);
    const row = (scores[report.reviewerId] ??= {});
    for (const review of report.reviews) {
      const authorId = review.authorId || report.labelMap[review.label] || review.label;
      authors.add(authorId);
      row[authorId] = review.score;
    }
  }
  const byParticipantOrder = (ids: Set<string>): string[] =>
    [...ids].sort((a, b) => rank(order, a) - rank(order, b));
  const authorIds = byParticipantOrder(authors);
  const meanByAuthor: Record<string, number> = {};
  for (const authorId of authorIds) {
    const values = Object.values(scores)
      .map((row) => row[authorId])
      .filter((value): value is number => typeof value === 'number');
    if (values.length) meanByAuthor[authorId] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return {
    round: round.round,
    reviewerIds: byParticipantOrder(reviewers),
    authorIds,
    scores,
    meanByAuthor,
  };
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

export function participantName(state: RunViewState, participantId: string): string {
  return state.participants.find((p) => p.id === participantId)?.displayName ?? participantId;
}

/** The final status word shown in the panel ("unanimous", "reached", "failed"…). */
export function finalStatusOf(state: RunViewState): string | undefined {
  if (state.consensusResult) return state.consensusResult.status;
  if (state.voteResult) return state.voteResult.reached ? 'reached' : 'not-reached';
  if (state.status === 'failed') return 'failed';
  return undefined;
}

/**
 * The debate round a phase belongs to, as every surface shows it (panel, toast, CLI,
 * get_task_status). The engine numbers the closing phases (final versions, ratification)
 * one past the last debate round; shown as such, a 2-round run read "round 3 of 4". They
 * belong to the last scored round instead.
 */
export function debateRoundOf(phase: string, round: number, lastScoredRound: number): number {
  const closing = phase === 'final' || phase === 'ratify';
  return closing && lastScoredRound > 0 ? Math.min(round, lastScoredRound) : round;
}

export function lastScoredRound(rounds: readonly RoundView[]): number {
  return rounds.reduce((last, view) => (view.signals ? Math.max(last, view.round) : last), 0);
}

/**
 * Results the council agreed on, the only ones the panel and the host offer to apply
 * (provisional and deadlock with a visible warning). Cancelled, failed and over-budget runs
 * have at most an unreviewed draft.
 */
export const AGREED_STATUSES: readonly string[] = [
  'unanimous',
  'majority',
  'provisional',
  'deadlock',
];

export function isAgreedStatus(status: string | undefined): boolean {
  return status !== undefined && AGREED_STATUSES.includes(status);
}
