/** Convergence signals as tools return them (RoundSignals, without the pairwise detail). */
import { z } from 'zod';
import type { RoundSignals } from '../core/consensus-types';
import { briefly, outputOf } from './output-schema';

export const signalsOutputSchema = z.object({
  round: z.number(),
  converged: z.boolean(),
  textDivergence: z.number(),
  scoreSpread: z.number().nullable().describe('null: no usable score (see cause).'),
  cause: z.enum(['no-usable-reviews']).optional(),
  meanScores: briefly(z.record(z.string(), z.number())),
  improvementRoom: briefly(z.record(z.string(), z.string())),
  majorIssueCount: z.number(),
  verdicts: briefly(
    z.array(
      z.object({
        condition: z.string(),
        holds: z.boolean(),
        value: z.union([z.number(), z.string()]),
        threshold: z.union([z.number(), z.string()]),
      }),
    ),
  ),
});
export type SignalsOutput = z.infer<typeof signalsOutputSchema>;

export function toSignalsOutput(signals: RoundSignals): SignalsOutput {
  return outputOf(signalsOutputSchema, signals);
}

export function describeVerdicts(signals: RoundSignals): string {
  return signals.verdicts
    .map(
      (v) =>
        `${v.condition} ${v.holds ? 'holds' : 'fails'} (${formatValue(v.value)} vs ${formatValue(v.threshold)})`,
    )
    .join('; ');
}

function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
}
