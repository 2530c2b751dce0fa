/**
 * Prices of the default models that @pydantic/genai-prices 0.1.8 (2026-09-23, the newest
 * release on 2026-12-01) does not know yet. The package wins as soon as it carries a model;
 * users override either with multiLlm.prices. USD per million tokens, standard tier, prompts up
 * to the first long-context tier. Read 2026-12-01:
 * - gpt-6.2-sol: "OpenAI GPT-6.2 Sol" model page as returned by a documentation search
 *   (released 2026-11-17): $2 in, $0.10 cached, $10 out; above 272k input tokens 2x / 1.5x.
 * - gemini-4-argon: launch price $2 / $10 through 2026-11-30, doubled from 2026-12-01 to $4 in,
 *   $0.20 cached, $20 out, thinking tokens billed as output ("Gemini 4 Argon Pricing and Day 0
 *   Availability", github.com/BerriAI/litellm/discussions/46238, citing Google AI Studio).
 */
import type { ModelPrice } from './model-price';

export const SUPPLEMENT_PRICES: Record<string, ModelPrice> = {
  'openai:gpt-6.2-sol': { input: 2, output: 10, cachedInput: 0.1 },
  'google:gemini-4-argon': { input: 4, output: 20, cachedInput: 0.2 },
};
