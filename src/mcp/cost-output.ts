import { z } from 'zod';
import type { CostSummary } from '../core/consensus-types';

export const costOutputSchema = z.object({
  costUsd: z.number().describe('Sum of the priced calls, USD.'),
  unpricedCalls: z.number().describe('Calls of models with no known price (not in costUsd).'),
  calls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
});
export type CostOutput = z.infer<typeof costOutputSchema>;

export function toCostOutput(cost: CostSummary): CostOutput {
  return {
    costUsd: cost.costUsd,
    unpricedCalls: cost.unpricedCalls,
    calls: cost.calls,
    inputTokens: cost.usage.inputTokens,
    outputTokens: cost.usage.outputTokens,
  };
}

export function describeCost(cost: CostSummary): string {
  const usd = `$${cost.costUsd.toFixed(4)}`;
  const unpriced = cost.unpricedCalls > 0 ? ` (+${cost.unpricedCalls} unpriced calls)` : '';
  const stopped =
    cost.budgetHit === 'unpriced-tokens'
      ? '; stopped on the token budget for unpriced participants'
      : cost.budgetHit === undefined
        ? ''
        : `; stopped on the ${cost.budgetHit === 'cost' ? 'cost' : 'token'} budget`;
  return `${cost.calls} model calls, ${usd}${unpriced}${stopped}`;
}
