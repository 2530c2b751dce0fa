/**
 * Default council: one balanced flagship per vendor (the seeds' GPT / Claude / Gemini trio),
 * checked on 2026-12-01 against the vendors' own model and deprecation pages, as returned by a
 * documentation search that day. All overridable in multiLlm.participants.
 *
 * - OpenAI "gpt-6.2-sol": "Models" (developers.openai.com/api/docs/models): GPT-6.2 Sol, "our
 *   go-to model for everyday work", beside GPT-6.2 Astra (the costlier top model); released
 *   2026-11-17. The previous default gpt-5.1 is deprecated, shutdown 2027-04-01 ("Deprecations",
 *   developers.openai.com/api/docs/deprecations).
 * - Anthropic "claude-sonnet-5-5": "Claude Sonnet 5.5" (platform.claude.com/docs/…/models/
 *   sonnet-5-5/overview), marked Latest, "the best combination of speed and intelligence";
 *   Claude Sonnet 5 is Legacy. It rejects non-default temperature (see
 *   anthropic/convert-to-anthropic-input.ts).
 * - Google "gemini-4-argon": "Gemini models" (ai.google.dev/models/gemini) lists Gemini 4 Argon
 *   as the Gemini 4 stable model; thinking levels low / medium / high, no thinkingBudget.
 *   gemini-3.1-pro-preview (the previous default) is still a preview ("Gemini deprecations",
 *   ai.google.dev/gemini-api/docs/deprecations).
 */
export type BuiltInProvider = 'openai' | 'anthropic' | 'google';

export const DEFAULT_MODELS: Record<BuiltInProvider, string> = {
  openai: 'gpt-6.2-sol',
  anthropic: 'claude-sonnet-5-5',
  google: 'gemini-4-argon',
};

export const PROVIDER_DISPLAY_NAMES: Record<BuiltInProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
};

/** Friendlier names for well-known OpenAI-compatible endpoint ids. */
export const COMPATIBLE_DISPLAY_NAMES: Record<string, string> = {
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  'lm-studio': 'LM Studio',
  openrouter: 'OpenRouter',
  vllm: 'vLLM',
};

/** The environment variables standalone mode (CLI, MCP server) reads keys from (CONTRACTS §4). */
export const API_KEY_ENV_VARS: Record<BuiltInProvider, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GEMINI_API_KEY',
};

export function providerDisplayName(providerId: string): string {
  return (
    (PROVIDER_DISPLAY_NAMES as Record<string, string>)[providerId] ??
    COMPATIBLE_DISPLAY_NAMES[providerId.toLowerCase()] ??
    providerId
  );
}
