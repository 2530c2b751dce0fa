/**
 * Default council: the seeds' trio (GPT-5.1, Claude Sonnet 4.5, Gemini 3 Pro) mapped to model
 * ids the vendors serve as of 2026-11-23. All overridable in multiLlm.participants.
 *
 * - OpenAI "gpt-5.1": still served; OpenAI's deprecations page (developers.openai.com/api/docs/
 *   deprecations, as summarised on 2026-10-28) schedules its shutdown for 2027-04-01.
 * - Anthropic "claude-sonnet-4-6": Claude Sonnet 4.5 (claude-sonnet-4-5) was retired in May 2026
 *   with claude-sonnet-4-6 as the named replacement (platform.claude.com/docs/en/about-claude/
 *   model-deprecations; retirement reported for 2026-05-18). It is in @anthropic-ai/sdk 1.12.0's
 *   Model list.
 * - Google "gemini-3.1-pro-preview": gemini-3-pro-preview was shut down on 2026-03-09 and Google
 *   names gemini-3.1-pro-preview as its replacement, with no shutdown date announced
 *   (ai.google.dev/gemini-api/docs/deprecations).
 */
export type BuiltInProvider = 'openai' | 'anthropic' | 'google';

export const DEFAULT_MODELS: Record<BuiltInProvider, string> = {
  openai: 'gpt-5.1',
  anthropic: 'claude-sonnet-4-6',
  google: 'gemini-3.1-pro-preview',
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
