import { z } from 'zod';
import type { CostSummary } from '../core/consensus-types';
import { briefly, elsewhere, outputOf } from './output-schema';

/** USD of the priced calls; `unpricedCalls` are calls of models with no known price. */
const costFields = z.object({
  costUsd: z.number(),
  unpricedCalls: z.number(),
  calls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
});
export const costOutputSchema = briefly(costFields);
/** The cost as a tool that comes with run_consensus_task advertises it. */
export const costPointerSchema = elsewhere(costFields, 'run_consensus_task');
export type CostOutput = z.infer<typeof costFields>;

export function toCostOutput(cost: CostSummary): CostOutput {
  return outputOf(costFields, { ...cost, ...cost.usage });
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
