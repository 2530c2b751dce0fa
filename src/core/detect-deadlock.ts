/**
 * The stopping strategy of docs/PROTOCOL.md (the seed's 堂々巡り detection): frozen scores, the same
 * critique again, or merged proposals that no longer change while not converged.
 */
import type { DeadlockMeasure, DeadlockSignal } from './consensus-types';
import { ENGLISH_DEADLOCK_PHRASES, sayDeadlock } from './deadlock-wording';
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
  /** The English line of `measure` (deadlockDetail). */
  detail: string;
  measure: DeadlockMeasure;
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
      return finding({ signal: 'frozen-scores', moves: [move1, move2], limit: FROZEN_SCORE_DELTA });
    }
  }

  if (last.critique.trim() && previous.critique.trim()) {
    const similarity = textSimilarity(previous.critique, last.critique);
    if (similarity >= REPEATED_CRITIQUE_SIMILARITY) {
      return finding({
        signal: 'repeated-critique',
        similarity,
        round: last.round,
        previousRound: previous.round,
      });
    }
  }

  const authors = Object.keys(last.merged).filter((id) => previous.merged[id] !== undefined);
  if (authors.length > 0) {
    const change = Math.max(
      ...authors.map((id) => 1 - textSimilarity(previous.merged[id]!, last.merged[id]!)),
    );
    if (change < NO_NEW_INFORMATION_CHANGE) {
      return finding({
        signal: 'no-new-information',
        change,
        sinceRound: previous.round,
        limit: NO_NEW_INFORMATION_CHANGE,
      });
    }
  }
  return undefined;
}

function finding(measure: DeadlockMeasure): DeadlockFinding {
  return { signal: measure.signal, detail: deadlockDetail(measure), measure };
}

/** The English line of a deadlock's figures (transcripts, MCP); hosts say it in their language. */
export function deadlockDetail(measure: DeadlockMeasure): string {
  return sayDeadlock(measure, ENGLISH_DEADLOCK_PHRASES);
}
