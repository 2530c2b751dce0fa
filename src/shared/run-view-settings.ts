/**
 * The run's settings as the panel reads them from `run-started` (thresholds, round cap),
 * with the fallbacks of a run seen first mid-stream.
 */
import type { ImprovementRoom, Thresholds } from '../core/consensus-types';

export const FALLBACK_THRESHOLDS: Thresholds = {
  maxTextDivergence: 0.15,
  maxScoreSpread: 1.0,
  maxImprovementRoom: 'minor',
};

const ROOMS: readonly ImprovementRoom[] = ['none', 'minor', 'major'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings are a loose record in the event; read only fields of the expected type. */
export function thresholdsFrom(settings: unknown, input: unknown): Thresholds {
  const fromSettings =
    isRecord(settings) && isRecord(settings.thresholds) ? settings.thresholds : {};
  const fromInput = isRecord(input) && isRecord(input.thresholds) ? input.thresholds : {};
  const merged: Record<string, unknown> = { ...fromInput, ...fromSettings };
  const room = merged.maxImprovementRoom;
  return {
    maxTextDivergence:
      typeof merged.maxTextDivergence === 'number'
        ? merged.maxTextDivergence
        : FALLBACK_THRESHOLDS.maxTextDivergence,
    maxScoreSpread:
      typeof merged.maxScoreSpread === 'number'
        ? merged.maxScoreSpread
        : FALLBACK_THRESHOLDS.maxScoreSpread,
    maxImprovementRoom: ROOMS.includes(room as ImprovementRoom)
      ? (room as ImprovementRoom)
      : FALLBACK_THRESHOLDS.maxImprovementRoom,
  };
}

export function maxRoundsFrom(settings: unknown, input: unknown): number {
  if (isRecord(settings) && typeof settings.maxRounds === 'number') return settings.maxRounds;
  if (isRecord(input) && typeof input.maxRounds === 'number') return input.maxRounds;
  return 4;
}
