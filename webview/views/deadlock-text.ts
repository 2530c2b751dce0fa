/**
 * Why the council stopped at a deadlock, in the panel's language: the signal's figures
 * (`measure`) said by src/core/deadlock-wording.ts with the panel's sentences; an older
 * transcript's English detail otherwise, and also when the figures are not sound (a transcript
 * on disk is untrusted: a damaged record must not break the round's view).
 */
import { isSoundMeasure, sayDeadlock } from '../../src/shared/deadlock-wording';
import type { RoundView } from '../../src/shared/run-view-state';
import type { Localize } from '../l10n/localize';

export function deadlockText(t: Localize, deadlock: NonNullable<RoundView['deadlock']>): string {
  const measure = deadlock.measure;
  if (!measure || !isSoundMeasure(measure)) return deadlock.detail;
  return sayDeadlock(measure, {
    frozenScores: (first, second, limit) => t('deadlockFrozenScores', first, second, limit),
    repeatedCritique: (reviewed, same, previously) =>
      t('deadlockRepeatedCritique', reviewed, same, previously),
    noNewInformation: (change, since, limit) => t('deadlockNoNewInformation', change, since, limit),
    theDrafts: () => t('deadlockTheDrafts'),
    roundMerges: (round) => t('deadlockRoundMerges', round),
  });
}
