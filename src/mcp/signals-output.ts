/** Convergence signals as tools return them (RoundSignals, without the pairwise detail). */
import { z } from 'zod';
import type { RoundSignals } from '../core/consensus-types';

export const signalsOutputShape = {
  round: z.number(),
  converged: z.boolean(),
  textDivergence: z.number(),
  scoreSpread: z
    .number()
    .nullable()
    .describe(
      'Max minus min of the mean peer scores; null when no usable score arrived (see cause).',
    ),
  cause: z
    .enum(['no-usable-reviews'])
    .optional()
    .describe('Why the round could not be judged on its scores, when it could not.'),
  meanScores: z.record(z.string(), z.number()),
  improvementRoom: z.record(z.string(), z.string()),
  majorIssueCount: z.number(),
  verdicts: z.array(
    z.object({
      condition: z.string(),
      holds: z.boolean(),
      value: z.union([z.number(), z.string()]),
      threshold: z.union([z.number(), z.string()]),
    }),
  ),
};
export const signalsOutputSchema = z.object(signalsOutputShape);
export type SignalsOutput = z.infer<typeof signalsOutputSchema>;

export function toSignalsOutput(signals: RoundSignals): SignalsOutput {
  return {
    round: signals.round,
    converged: signals.converged,
    textDivergence: signals.textDivergence,
    scoreSpread: signals.scoreSpread,
    ...(signals.cause ? { cause: signals.cause } : {}),
    meanScores: { ...signals.meanScores },
    improvementRoom: { ...signals.improvementRoom },
    majorIssueCount: signals.majorIssueCount,
    verdicts: signals.verdicts.map((v) => ({
      condition: v.condition,
      holds: v.holds,
      value: v.value,
      threshold: v.threshold,
    })),
  };
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
