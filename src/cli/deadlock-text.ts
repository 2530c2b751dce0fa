/**
 * Why the council stopped at a deadlock, in the invocation's language (cli-language.ts): the
 * signal's figures said by src/core/deadlock-wording.ts with sentences from the l10n bundle,
 * whose English keys are the core's own English (test/cli/deadlock-text.test.ts keeps the two
 * equal). An event without sound figures (an older version's) prints its English detail as it is.
 */
import * as l10n from '@vscode/l10n';
import type { DeadlockMeasure } from '../core/consensus-types';
import { isSoundMeasure, sayDeadlock, type DeadlockPhrases } from '../core/deadlock-wording';

const CLI_PHRASES: DeadlockPhrases = {
  frozenScores: (first, second, limit) =>
    l10n.t('Mean peer score moved {0} then {1} (< {2} for 2 rounds).', first, second, limit),
  repeatedCritique: (reviewed, same, previously) =>
    l10n.t('The critique of {0} is {1}% the same as that of {2}.', reviewed, same, previously),
  noNewInformation: (change, since, limit) =>
    l10n.t('Merged proposals changed at most {0}% since round {1} (< {2}%).', change, since, limit),
  theDrafts: () => l10n.t('the drafts'),
  roundMerges: (round) => l10n.t("round {0}'s merged proposals", round),
};

export function deadlockText(measure: DeadlockMeasure | undefined, detail: string): string {
  return measure && isSoundMeasure(measure) ? sayDeadlock(measure, CLI_PHRASES) : detail;
}
