/**
 * The run's round cap and thresholds as the panel reads them from `run-started`: the engine's
 * resolved settings (typed in src/core/run-events.ts), else (a run the engine never started)
 * the input over core's defaults (src/core/run-defaults.ts).
 */
import { DEFAULT_MAX_ROUNDS, resolveThresholds } from '../core/run-defaults';
import type { RunStartedEvent } from '../core/run-events';
import type { Thresholds } from '../core/consensus-types';

export function limitsOf(event: RunStartedEvent): { maxRounds: number; thresholds: Thresholds } {
  const settings = event.settings;
  if (settings && 'maxRounds' in settings) {
    return { maxRounds: settings.maxRounds, thresholds: resolveThresholds(settings.thresholds) };
  }
  const input = 'question' in event.input ? undefined : event.input;
  return {
    maxRounds: input?.maxRounds ?? DEFAULT_MAX_ROUNDS,
    thresholds: resolveThresholds(input?.thresholds),
  };
}
