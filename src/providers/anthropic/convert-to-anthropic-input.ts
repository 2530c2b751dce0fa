/**
 * ModelRequest -> Messages API parameters. Structured output uses the Messages API's own JSON
 * mode, `output_config: { format: { type: 'json_schema', schema } }` — present in
 * @anthropic-ai/sdk 1.12.0 (resources/messages/messages.d.ts, OutputConfig.format:
 * JSONOutputFormat; "structured outputs", platform.claude.com/docs/en/build-with-claude/
 * structured-outputs) — so no forced tool call is needed. max_tokens is required by the API.
 */
import type {
  MessageCreateParamsStreaming,
  OutputConfig,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelRequest } from '../../core/language-model';
import type { ReasoningEffort } from '../../core/reasoning-effort';

/** Enough for a whole rewritten file; the engine can lower it per request. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 16_000;

/**
 * Claude 5 models (and newer) answer 400 to a non-default temperature / top_p / top_k ("Claude
 * Sonnet 5", platform.claude.com/docs/…/models/sonnet-5/overview), and thinking requires the
 * default temperature on every model; so temperature is sent only to older models without effort.
 */
export function acceptsTemperature(modelId: string, effort: ReasoningEffort | undefined): boolean {
  if (effort !== undefined) return false;
  const generation = /^claude-[a-z]+-(\d+)/.exec(modelId)?.[1];
  return generation === undefined || Number(generation) < 5;
}

/**
 * Effort goes in `output_config.effort` (OutputConfig.effort in @anthropic-ai/sdk 1.12.0:
 * low | medium | high | xhigh | max); the lowest Anthropic level stands in for 'none' / 'minimal'.
 */
function anthropicEffort(effort: ReasoningEffort): NonNullable<OutputConfig['effort']> {
  return effort === 'none' || effort === 'minimal' ? 'low' : effort;
}

function outputConfigOf(request: ModelRequest, effort: ReasoningEffort | undefined) {
  const config: OutputConfig = {
    ...(request.jsonSchema === undefined
      ? {}
      : { format: { type: 'json_schema', schema: request.jsonSchema.schema } }),
    ...(effort === undefined ? {} : { effort: anthropicEffort(effort) }),
  };
  return Object.keys(config).length === 0 ? {} : { output_config: config };
}

export function convertToAnthropicInput(
  modelId: string,
  request: ModelRequest,
  effort?: ReasoningEffort,
): MessageCreateParamsStreaming {
  return {
    model: modelId,
    max_tokens: request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    ...(request.system === '' ? {} : { system: request.system }),
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
    ...(request.temperature === undefined || !acceptsTemperature(modelId, effort)
      ? {}
      : { temperature: request.temperature }),
    ...outputConfigOf(request, effort),
    ...(request.providerOptions as Partial<MessageCreateParamsStreaming> | undefined),
  };
}
