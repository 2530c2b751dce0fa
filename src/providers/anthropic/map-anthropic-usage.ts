/**
 * Anthropic usage -> the port's Usage. Anthropic's input_tokens EXCLUDES cache reads and cache
 * writes (both reported separately), while the port's inputTokens counts all input with
 * cachedInputTokens as a subset — so the three are added back together here.
 */
import type { Usage } from '../../core/language-model';

export interface AnthropicUsageLike {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

export function mapAnthropicUsage(usage: AnthropicUsageLike | null | undefined): Usage {
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: (usage?.input_tokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: usage?.output_tokens ?? 0,
    cachedInputTokens: cacheRead,
  };
}
