/**
 * USD per million tokens (input, output, cached input), standard tier, prompts up to 200k
 * tokens. Users override any entry with multiLlm.prices. Sources, read 2026-11-23:
 * - OpenAI: developers.openai.com/api/docs/pricing (GPT-5/5.1: $1.25 in, $0.125 cached, $10 out).
 * - Anthropic: platform.claude.com/docs/en/about-claude/pricing (Sonnet 4.x: $3 / $0.30 cache
 *   read / $15; Haiku 4.5: $1 / $0.10 / $5; Opus 4.5+: $5 / $0.50 / $25). Cache writes (1.25x
 *   input) are counted as plain input here.
 * - Google: ai.google.dev/gemini-api/docs/pricing (Gemini 3.1 Pro preview: $2 in, $0.20 cached,
 *   $12 out at <=200k prompt tokens, $4 / $18 above; thinking tokens bill as output; as
 *   rechecked by third parties 2026-03-28; 2.5 Pro $1.25 / $0.125 / $10; 2.5 Flash $0.30 /
 *   $0.03 / $2.50). The >200k long-context tiers (Gemini, Anthropic 1M beta) are not modelled:
 *   council prompts stay far below them.
 */
export interface ModelPrice {
  input: number;
  output: number;
  /** Defaults to `input` when a vendor has no cache discount. */
  cachedInput?: number;
}

export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-5.1': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'claude-sonnet-4-6': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-opus-4-5': { input: 5, output: 25, cachedInput: 0.5 },
  'claude-opus-4-6': { input: 5, output: 25, cachedInput: 0.5 },
  'claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1 },
  'gemini-3.1-pro-preview': { input: 2, output: 12, cachedInput: 0.2 },
  'gemini-3-pro-preview': { input: 2, output: 12, cachedInput: 0.2 },
  'gemini-2.5-pro': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5, cachedInput: 0.03 },
};
