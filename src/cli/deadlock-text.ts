/**
 * Why the council stopped at a deadlock (src/core/detect-deadlock.ts), in the invocation's
 * language (cli-language.ts), by its signal with its figures as data. In English it is the
 * core's own line (test/cli/deadlock-text.test.ts keeps the two equal); an event without figures
 * (an older version's) prints its English detail as it is.
 */
import * as l10n from '@vscode/l10n';
import type { DeadlockMeasure } from '../core/consensus-types';

export function deadlockText(measure: DeadlockMeasure | undefined, detail: string): string {
  if (!measure) return detail;
  switch (measure.signal) {
    case 'frozen-scores':
      return l10n.t(
        'Mean peer score moved {0} then {1} (< {2} for 2 rounds).',
        measure.moves[0].toFixed(2),
        measure.moves[1].toFixed(2),
        String(measure.limit),
      );
    case 'repeated-critique':
      return l10n.t(
        'The critique of {0} is {1}% the same as that of {2}.',
        reviewed(measure.round),
        (measure.similarity * 100).toFixed(0),
        reviewed(measure.previousRound),
      );
    case 'no-new-information':
      return l10n.t(
        'Merged proposals changed at most {0}% since round {1} (< {2}%).',
        (measure.change * 100).toFixed(1),
        measure.sinceRound,
        String(measure.limit * 100),
      );
  }
}

/** What a round's reviews reviewed: round 0 stands for the drafts. */
function reviewed(round: number): string {
  return round === 0 ? l10n.t('the drafts') : l10n.t("round {0}'s merged proposals", round);
}
