/**
 * OpenAI usage -> the port's Usage. Responses: input_tokens (cached included) and
 * input_tokens_details.cached_tokens; Chat Completions: prompt_tokens and
 * prompt_tokens_details.cached_tokens. Reasoning tokens are already inside output_tokens.
 */
import type { Usage } from '../../core/language-model';

interface ResponsesUsageLike {
  input_tokens?: number | null;
  output_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null } | null;
}

interface ChatUsageLike {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
}

export function mapOpenAIResponsesUsage(usage: ResponsesUsageLike | null | undefined): Usage {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cachedInputTokens: usage?.input_tokens_details?.cached_tokens ?? 0,
  };
}

export function mapOpenAIChatUsage(usage: ChatUsageLike | null | undefined): Usage {
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}
