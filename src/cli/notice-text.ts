/**
 * What the CLI prints for a run notice (docs/PROTOCOL.md "Signals"), chosen by its `cause` and
 * filled with its round number only. The CLI has no localisation: its output is English (the
 * editor's notifications are localised, see l10n/). A cause this version does not know prints
 * its code and the round.
 */
import type { ConsensusResult, RunNotice } from '../core/consensus-types';
import { noUsableReviewsStopText } from '../core/run-notices';

export function noticeText(notice: Pick<RunNotice, 'cause' | 'round'>): string {
  const round = Math.trunc(Number(notice.round)) || 0;
  switch (notice.cause) {
    case 'no-usable-reviews': {
      const which = round <= 1 ? 'the drafts' : `round ${round - 1}'s merged proposals`;
      return (
        `The reviews of ${which}: no usable review arrived in round ${round}, so this round has ` +
        'no scores: its score spread is unknown, and it says nothing about agreement or ' +
        'disagreement. What to do: check that the models support structured output (JSON ' +
        'schema), or try other models; the transcript keeps every answer.'
      );
    }
    default:
      return `round ${round} (see the transcript)`;
  }
}

/** Why the run stopped, when the stop reason needs more than its name (docs/PROTOCOL.md). */
export function stopText(
  result: Pick<ConsensusResult, 'stopReason' | 'notices'>,
): string | undefined {
  return result.stopReason === 'no-usable-reviews'
    ? noUsableReviewsStopText(result.notices ?? [])
    : undefined;
}
