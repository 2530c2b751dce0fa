/**
 * How a deadlock's figures (`DeadlockMeasure`, detect-deadlock.ts) are said: which figure goes
 * where and how it is rounded, once for every host. Each host gives the sentences in its own
 * language (the transcript's English below, the CLI's l10n bundle, the panel's dictionary).
 */
import type { DeadlockMeasure } from './consensus-types';

/** The sentences of each signal, with the figures already formatted. */
export interface DeadlockPhrases {
  frozenScores(firstMove: string, secondMove: string, limit: string): string;
  repeatedCritique(reviewed: string, samePercent: string, previouslyReviewed: string): string;
  noNewInformation(changePercent: string, sinceRound: number, limitPercent: string): string;
  /** What round 0's reviews reviewed. */
  theDrafts(): string;
  /** What round N's reviews reviewed (N ≥ 1). */
  roundMerges(round: number): string;
}

export const ENGLISH_DEADLOCK_PHRASES: DeadlockPhrases = {
  frozenScores: (first, second, limit) =>
    `Mean peer score moved ${first} then ${second} (< ${limit} for 2 rounds).`,
  repeatedCritique: (reviewed, same, previously) =>
    `The critique of ${reviewed} is ${same}% the same as that of ${previously}.`,
  noNewInformation: (change, since, limit) =>
    `Merged proposals changed at most ${change}% since round ${since} (< ${limit}%).`,
  theDrafts: () => 'the drafts',
  roundMerges: (round) => `round ${round}'s merged proposals`,
};

export function sayDeadlock(measure: DeadlockMeasure, phrases: DeadlockPhrases): string {
  const reviewed = (round: number): string =>
    round === 0 ? phrases.theDrafts() : phrases.roundMerges(round);
  switch (measure.signal) {
    case 'frozen-scores':
      return phrases.frozenScores(
        measure.moves[0].toFixed(2),
        measure.moves[1].toFixed(2),
        String(measure.limit),
      );
    case 'repeated-critique':
      return phrases.repeatedCritique(
        reviewed(measure.round),
        (measure.similarity * 100).toFixed(0),
        reviewed(measure.previousRound),
      );
    case 'no-new-information':
      return phrases.noNewInformation(
        (measure.change * 100).toFixed(1),
        measure.sinceRound,
        String(measure.limit * 100),
      );
  }
}

/**
 * Whether a measure read back from a transcript (untrusted: a damaged record must not break
 * its reader) has every figure its signal needs, as a finite number.
 */
export function isSoundMeasure(measure: DeadlockMeasure): boolean {
  const figures =
    measure.signal === 'frozen-scores'
      ? [...(Array.isArray(measure.moves) ? measure.moves : []), measure.limit]
      : measure.signal === 'repeated-critique'
        ? [measure.similarity, measure.round, measure.previousRound]
        : measure.signal === 'no-new-information'
          ? [measure.change, measure.sinceRound, measure.limit]
          : [];
  return (
    figures.length === 3 &&
    figures.every((figure) => typeof figure === 'number' && Number.isFinite(figure))
  );
}
