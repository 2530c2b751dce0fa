/**
 * ModelRequest -> Chat Completions parameters for OpenAI-compatible servers (Ollama, LM Studio,
 * OpenRouter, vLLM). `response_format: json_schema` is the form those servers accept for
 * structured output; `stream_options.include_usage` asks for the final usage chunk; `max_tokens`
 * (not max_completion_tokens) because older compatible servers only know that name.
 */
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ModelRequest } from '../../core/language-model';

export function convertToChatCompletionsInput(
  modelId: string,
  request: ModelRequest,
): ChatCompletionCreateParamsStreaming {
  return {
    model: modelId,
    messages: [
      ...(request.system === '' ? [] : [{ role: 'system' as const, content: request.system }]),
      ...request.messages.map((message) => ({ role: message.role, content: message.content })),
    ],
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxOutputTokens === undefined ? {} : { max_tokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.jsonSchema === undefined
      ? {}
      : {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.jsonSchema.name,
              schema: request.jsonSchema.schema,
              strict: true,
            },
          },
        }),
    ...(request.providerOptions as Partial<ChatCompletionCreateParamsStreaming> | undefined),
  };
}
