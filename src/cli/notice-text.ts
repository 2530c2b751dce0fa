/**
 * What the CLI prints for a run notice (docs/PROTOCOL.md "Signals"), chosen by its `cause` and
 * filled with its round number only (the notice's own English `message` is outside text), in the
 * invocation's language (cli-language.ts). The editor says it in its own words
 * (src/extension/run/notice-text.ts); both translations live in l10n/bundle.l10n.ja.json. A cause
 * this version does not know prints its code and the round.
 */
import * as l10n from '@vscode/l10n';
import type { ConsensusResult, RunNotice } from '../core/consensus-types';

export function noticeText(notice: Pick<RunNotice, 'cause' | 'round'>): string {
  const round = Math.trunc(Number(notice.round)) || 0;
  switch (notice.cause) {
    case 'no-usable-reviews':
      return round <= 1
        ? l10n.t(
            'The reviews of the drafts: no usable review arrived in round {0}, so this round has no scores: its score spread is unknown, and it says nothing about agreement or disagreement. What to do: check that the models support structured output (JSON schema), or try other models; the transcript keeps every answer.',
            round,
          )
        : l10n.t(
            "The reviews of round {0}'s merged proposals: no usable review arrived in round {1}, so this round has no scores: its score spread is unknown, and it says nothing about agreement or disagreement. What to do: check that the models support structured output (JSON schema), or try other models; the transcript keeps every answer.",
            round - 1,
            round,
          );
    default:
      return l10n.t('round {0} (see the transcript)', round);
  }
}

/** The `notice:` line of the progress and of the summary: its cause code, then the text. */
export function noticeLine(notice: Pick<RunNotice, 'cause' | 'round'>): string {
  return l10n.t('notice: {0}: {1}', notice.cause, noticeText(notice));
}

/**
 * Why the run stopped, when the stop reason needs more than its name (docs/PROTOCOL.md). The
 * English is the one other surfaces take from src/core/run-notices.ts (noUsableReviewsStopText;
 * test/cli/cli-language.test.ts keeps the two equal); here it is also a bundle key, so the CLI
 * can say it in Japanese.
 */
export function stopText(
  result: Pick<ConsensusResult, 'stopReason' | 'notices'>,
): string | undefined {
  if (result.stopReason !== 'no-usable-reviews') return undefined;
  const rounds = (result.notices ?? [])
    .filter((notice) => notice.cause === 'no-usable-reviews')
    .map((notice) => Math.trunc(Number(notice.round)) || 0);
  return l10n.t(
    'No usable review arrived in rounds {0}, so the council could not score its proposals and stopped: this is not a deadlock (nothing shows that the positions differ) and not an agreement; the product is the unscored best so far. What to do: run again with models that support structured output (JSON schema).',
    rounds.join(', '),
  );
}
