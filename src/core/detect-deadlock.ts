/**
 * The stopping strategy of docs/PROTOCOL.md (the seed's 堂々巡り detection): frozen scores, the same
 * critique again, or merged proposals that no longer change while not converged.
 */
import type { DeadlockSignal } from './consensus-types';
import { textSimilarity } from './text-divergence';

export interface RoundHistory {
  round: number;
  /** Mean of every peer score given in the reviews of this round; undefined when none arrived. */
  meanScore: number | undefined;
  /** All critique points of this round, joined. */
  critique: string;
  /** Merged products by participant id, written in this round. */
  merged: Record<string, string>;
}

export interface DeadlockFinding {
  signal: DeadlockSignal;
  detail: string;
}

export const FROZEN_SCORE_DELTA = 0.25;
export const REPEATED_CRITIQUE_SIMILARITY = 0.9;
export const NO_NEW_INFORMATION_CHANGE = 0.02;

export function detectDeadlock(history: RoundHistory[]): DeadlockFinding | undefined {
  const last = history.at(-1);
  const previous = history.at(-2);
  if (!last || !previous) return undefined;

  const beforePrevious = history.at(-3);
  // Scores that never arrived are not frozen: a round without usable reviews says nothing.
  const means = [beforePrevious?.meanScore, previous.meanScore, last.meanScore];
  if (beforePrevious && means.every((mean) => mean !== undefined)) {
    const [m0, m1, m2] = means as [number, number, number];
    const move1 = Math.abs(m1 - m0);
    const move2 = Math.abs(m2 - m1);
    if (move1 < FROZEN_SCORE_DELTA && move2 < FROZEN_SCORE_DELTA) {
      return {
        signal: 'frozen-scores',
        detail: `Mean peer score moved ${move1.toFixed(2)} then ${move2.toFixed(2)} (< ${FROZEN_SCORE_DELTA} for 2 rounds).`,
      };
    }
  }

  if (last.critique.trim() && previous.critique.trim()) {
    const similarity = textSimilarity(previous.critique, last.critique);
    if (similarity >= REPEATED_CRITIQUE_SIMILARITY) {
      return {
        signal: 'repeated-critique',
        detail: `The critique of ${reviewed(last.round)} is ${(similarity * 100).toFixed(0)}% the same as that of ${reviewed(previous.round)}.`,
      };
    }
  }

  const authors = Object.keys(last.merged).filter((id) => previous.merged[id] !== undefined);
  if (authors.length > 0) {
    const change = Math.max(
      ...authors.map((id) => 1 - textSimilarity(previous.merged[id]!, last.merged[id]!)),
    );
    if (change < NO_NEW_INFORMATION_CHANGE) {
      return {
        signal: 'no-new-information',
        detail: `Merged proposals changed at most ${(change * 100).toFixed(1)}% since round ${previous.round} (< ${NO_NEW_INFORMATION_CHANGE * 100}%).`,
      };
    }
  }
  return undefined;
}

/** What a history entry's reviews reviewed: entry 0 holds the reviews of the drafts. */
function reviewed(round: number): string {
  return round === 0 ? 'the drafts' : `round ${round}'s merged proposals`;
}
