/**
 * Honest signals (docs/PROTOCOL.md "Signals"): what the user is told when a round could not be
 * judged, with what to do. The wording names our own labels and counts only, never model text.
 */
import type { ReviewerReport, RunNotice } from './consensus-types';

/** `round` is the review round (round r's reviews score round r-1's merged proposals). */
export function noUsableReviewsNotice(
  round: number,
  reports: readonly ReviewerReport[],
): RunNotice {
  const missing = reports.reduce((sum, report) => sum + (report.missingLabels?.length ?? 0), 0);
  const unmatched = reports.reduce((sum, report) => sum + (report.unmatchedReviews ?? 0), 0);
  return {
    cause: 'no-usable-reviews',
    round,
    message:
      `${round === 1 ? 'The reviews of the drafts' : `The reviews of round ${round - 1}'s merged proposals`}: no usable review arrived (${reports.length} reviewer(s) answered; ` +
      `${missing} proposal review(s) missing, ${unmatched} review(s) named no shown proposal), ` +
      'so this round has no scores: its score spread is unknown, and it says nothing about agreement or disagreement.',
    hint: 'Check that the models support structured output (JSON schema), or try other models; the transcript keeps every answer.',
  };
}

/**
 * Why a run stopped with stop reason `no-usable-reviews` (two review rounds in a row without a
 * usable review), for every surface that explains the stop in English. `notices` are the run's.
 */
export function noUsableReviewsStopText(
  notices: readonly Pick<RunNotice, 'cause' | 'round'>[],
): string {
  const rounds = notices
    .filter((notice) => notice.cause === 'no-usable-reviews')
    .map((notice) => Math.trunc(Number(notice.round)) || 0);
  return (
    `No usable review arrived in rounds ${rounds.join(', ')}, so the council could not score ` +
    'its proposals and stopped: this is not a deadlock (nothing shows that the positions ' +
    'differ) and not an agreement; the product is the unscored best so far. What to do: run ' +
    'again with models that support structured output (JSON schema).'
  );
}
