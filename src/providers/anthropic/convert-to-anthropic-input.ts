/**
 * ModelRequest -> Messages API parameters. Structured output uses the Messages API's own JSON
 * mode, `output_config: { format: { type: 'json_schema', schema } }` — present in
 * @anthropic-ai/sdk 1.12.0 (resources/messages/messages.d.ts, OutputConfig.format:
 * JSONOutputFormat; "structured outputs", platform.claude.com/docs/en/build-with-claude/
 * structured-outputs) — so no forced tool call is needed. max_tokens is required by the API.
 */
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelRequest } from '../../core/language-model';

/** Enough for a whole rewritten file; the engine can lower it per request. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 16_000;

export function convertToAnthropicInput(
  modelId: string,
  request: ModelRequest,
): MessageCreateParamsStreaming {
  return {
    model: modelId,
    max_tokens: request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    ...(request.system === '' ? {} : { system: request.system }),
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.jsonSchema === undefined
      ? {}
      : { output_config: { format: { type: 'json_schema', schema: request.jsonSchema.schema } } }),
    ...(request.providerOptions as Partial<MessageCreateParamsStreaming> | undefined),
  };
}
