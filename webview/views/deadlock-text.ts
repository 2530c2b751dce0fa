/**
 * Why the council stopped at a deadlock, in the panel's language: from the signal's figures
 * (`measure`, src/core/detect-deadlock.ts) where the event has them; an older transcript's
 * English detail otherwise, and also when the figures are not numbers (a transcript on disk is
 * untrusted: a damaged record must not break the round's view).
 */
import type { RoundView } from '../../src/shared/run-view-state';
import type { Localize } from '../l10n/localize';

export function deadlockText(t: Localize, deadlock: NonNullable<RoundView['deadlock']>): string {
  const measure = deadlock.measure;
  if (!measure || !figuresAreNumbers(measure)) return deadlock.detail;
  const reviewed = (round: number): string =>
    round === 0 ? t('deadlockTheDrafts') : t('deadlockRoundMerges', round);
  switch (measure.signal) {
    case 'frozen-scores':
      return t(
        'deadlockFrozenScores',
        measure.moves[0].toFixed(2),
        measure.moves[1].toFixed(2),
        String(measure.limit),
      );
    case 'repeated-critique':
      return t(
        'deadlockRepeatedCritique',
        reviewed(measure.round),
        (measure.similarity * 100).toFixed(0),
        reviewed(measure.previousRound),
      );
    case 'no-new-information':
      return t(
        'deadlockNoNewInformation',
        (measure.change * 100).toFixed(1),
        measure.sinceRound,
        String(measure.limit * 100),
      );
  }
}

function figuresAreNumbers(
  measure: NonNullable<NonNullable<RoundView['deadlock']>['measure']>,
): boolean {
  const figures =
    measure.signal === 'frozen-scores'
      ? [...(Array.isArray(measure.moves) ? measure.moves : []), measure.limit]
      : measure.signal === 'repeated-critique'
        ? [measure.similarity, measure.round, measure.previousRound]
        : [measure.change, measure.sinceRound, measure.limit];
  return figures.length === 3 && figures.every((n) => typeof n === 'number' && Number.isFinite(n));
}
