/**
 * The engine's defaults and limits, in one home: the engine applies them, and every layer that
 * shows or checks a run (the app's settings, the panel's reducer) imports them from here.
 */
import type { Thresholds } from './consensus-types';

export const DEFAULT_MAX_ROUNDS = 4;
export const MAX_ROUNDS_LIMIT = 8;
/** Fewer answers than this in any phase end a consensus run (`no-quorum`). */
export const QUORUM = 2;
/** Abstaining in this many phases in a row drops a participant for the rest of the run. */
export const DROP_OUT_AFTER_ABSTENTIONS = 2;

export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({
  maxTextDivergence: 0.15,
  maxScoreSpread: 1.0,
  maxImprovementRoom: 'minor',
});

export function resolveThresholds(partial: Partial<Thresholds> | undefined): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...(partial ?? {}) };
}

/** A requested round cap as the engine runs it: a whole number from 1 to MAX_ROUNDS_LIMIT. */
export function resolveMaxRounds(requested: number | undefined): number {
  return Math.min(MAX_ROUNDS_LIMIT, Math.max(1, Math.floor(requested ?? DEFAULT_MAX_ROUNDS)));
}
