/**
 * CostEstimator over a price table. Keys are "provider:model" or just "model"; user overrides
 * win over the defaults; a dated snapshot id (claude-sonnet-4-5-20250929, gpt-5.1-2025-11-13)
 * falls back to its alias. Unknown models (local endpoints, custom ids) cost `undefined`, never
 * a guessed number.
 */
import type { CostEstimator } from '../../core/host-services';
import type { Usage } from '../../core/language-model';
import { DEFAULT_PRICES, type ModelPrice } from './default-prices';

export function createPriceTableCostEstimator(
  overrides: Record<string, ModelPrice> = {},
): CostEstimator {
  return {
    costOf(provider: string, modelId: string, usage: Usage): number | undefined {
      const price = findPrice(provider, modelId, overrides);
      return price === undefined ? undefined : costFor(price, usage);
    },
  };
}

export function findPrice(
  provider: string,
  modelId: string,
  overrides: Record<string, ModelPrice> = {},
): ModelPrice | undefined {
  const ids = [modelId, modelId.replace(/^models\//, ''), withoutDateSuffix(modelId)];
  for (const table of [overrides, DEFAULT_PRICES]) {
    for (const id of ids) {
      const price = table[`${provider}:${id}`] ?? table[id];
      if (price !== undefined) return price;
    }
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
