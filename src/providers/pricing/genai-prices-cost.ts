/**
 * Cost of one call from @pydantic/genai-prices: a maintained, dated and tiered price list
 * bundled with the package (no fetch: updatePrices() is never called, so prices are the ones
 * shipped). Loaded on the first priced call, not when the bundle starts (esbuild.mjs puts it in
 * dist/vendor/ like the vendor SDKs).
 */
import type * as GenaiPricesModule from '@pydantic/genai-prices';
import type { Usage } from '../../core/language-model';

type GenaiPrices = typeof GenaiPricesModule;

let loaded: GenaiPrices | undefined;

function genaiPrices(): GenaiPrices {
  // A synchronous require: CostEstimator.costOf is synchronous, and the data is local.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@pydantic/genai-prices') as GenaiPrices;
  return loaded;
}

/** Providers whose ids genai-prices uses as ours. */
const KNOWN_PROVIDERS = new Set(['openai', 'anthropic', 'google']);

/** USD, or undefined when the package does not know the model. */
export function genaiPricesCost(
  provider: string,
  modelId: string,
  usage: Usage,
  at: Date = new Date(),
): number | undefined {
  if (!KNOWN_PROVIDERS.has(provider)) return undefined;
  const result = genaiPrices().calcPrice(
    {
      // genai-prices counts cache reads inside input_tokens, as Usage does.
      input_tokens: usage.inputTokens,
      cache_read_tokens: Math.min(usage.cachedInputTokens, usage.inputTokens),
      output_tokens: usage.outputTokens,
    },
    modelId.replace(/^models\//, ''),
    { providerId: provider, timestamp: at },
  );
  return result === null ? undefined : result.total_price;
}
