/**
 * The CostEstimator every host uses. Prices come, in this order, from the user's overrides
 * (multiLlm.prices; keys "provider:model" or "model", a dated snapshot falls back to its alias),
 * then @pydantic/genai-prices, then SUPPLEMENT_PRICES for defaults the package lacks. A model
 * none of them knows (local endpoints, custom ids, the editor's models) costs `undefined`, never
 * a guessed number: the run then enforces a token cap instead (see unpriced-token-cap.ts).
 */
import type { CostEstimator } from '../../core/host-services';
import type { Usage } from '../../core/language-model';
import { genaiPricesCost } from './genai-prices-cost';
import type { ModelPrice } from './model-price';
import { SUPPLEMENT_PRICES } from './supplement-prices';

export function createPriceTableCostEstimator(
  overrides: Record<string, ModelPrice> = {},
  clock: () => Date = () => new Date(),
): CostEstimator {
  return {
    costOf(provider: string, modelId: string, usage: Usage): number | undefined {
      const override = findPrice(provider, modelId, overrides);
      if (override !== undefined) return costFor(override, usage);
      const packaged = genaiPricesCost(provider, modelId, usage, clock());
      if (packaged !== undefined) return packaged;
      const supplement = findPrice(provider, modelId, SUPPLEMENT_PRICES);
      return supplement === undefined ? undefined : costFor(supplement, usage);
    },
  };
}

export function findPrice(
  provider: string,
  modelId: string,
  table: Record<string, ModelPrice>,
): ModelPrice | undefined {
  const ids = [modelId, modelId.replace(/^models\//, ''), withoutDateSuffix(modelId)];
  for (const id of ids) {
    const price = table[`${provider}:${id}`] ?? table[id];
    if (price !== undefined) return price;
  }
  return undefined;
}

/** USD for one call; cached input is a subset of input, billed at the cached rate. */
export function costFor(price: ModelPrice, usage: Usage): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const uncached = usage.inputTokens - cached;
  return (
    (uncached * price.input +
      cached * (price.cachedInput ?? price.input) +
      usage.outputTokens * price.output) /
    1_000_000
  );
}

function withoutDateSuffix(modelId: string): string {
  return modelId.replace(/-\d{8}$/, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
}
