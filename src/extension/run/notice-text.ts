/**
 * What a run notice (docs/PROTOCOL.md "Signals") says in a notification or a progress message,
 * in the user's language. The text is chosen by the notice's `cause` and filled only with its
 * round number: the notice's own `message` (English, and read back from a transcript it is
 * outside text) never reaches editor chrome.
 */
import * as vscode from 'vscode';
import type { RunNotice } from '../../core/consensus-types';

/** One short line for the progress notification while the run goes on. */
export function noticeProgressText(notice: Pick<RunNotice, 'cause' | 'round'>): string {
  const round = roundOf(notice);
  switch (notice.cause) {
    case 'no-usable-reviews':
      return vscode.l10n.t(
        'Round {0}: no usable review arrived, so this round has no scores.',
        round,
      );
    default:
      return vscode.l10n.t('Round {0}: the council noted something; the panel explains it.', round);
  }
}

/**
 * What happened and what to do, for the notification at the end of the run: one sentence per
 * cause, naming its rounds ("1, 2").
 */
export function noticeOutcomeTexts(
  notices: readonly Pick<RunNotice, 'cause' | 'round'>[],
): string[] {
  const rounds = new Map<string, number[]>();
  for (const notice of notices)
    rounds.set(notice.cause, [...(rounds.get(notice.cause) ?? []), roundOf(notice)]);
  return [...rounds].map(([cause, list]) => outcomeText(cause, list.join(', ')));
}

function outcomeText(cause: string, roundList: string): string {
  switch (cause) {
    case 'no-usable-reviews':
      return vscode.l10n.t(
        'Round(s) {0} had no usable review, so their score spread is unknown (not a disagreement). Check that the models support structured output (JSON schema), or try other models; the panel and the transcript keep every answer.',
        roundList,
      );
    default:
      return vscode.l10n.t('Round(s) {0} have a notice; the panel explains it.', roundList);
  }
}

function roundOf(notice: Pick<RunNotice, 'round'>): number {
  return Math.trunc(Number(notice.round)) || 0;
}
