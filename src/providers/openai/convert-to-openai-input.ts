/**
 * ModelRequest -> Responses API parameters. Structured output uses `text.format` json_schema
 * with strict: true (OpenAI structured outputs), so the engine's schemas must be strict-ready
 * (src/core/structured-schemas.ts). `store: false`: council prompts are not kept on OpenAI's side.
 */
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import type { ModelRequest } from '../../core/language-model';

/**
 * OpenAI's reasoning models (GPT-5 family, o-series) reject `temperature` with a 400; dropping it
 * keeps a council participant from abstaining over a sampling knob (vercel/ai does the same).
 */
export function acceptsTemperature(modelId: string): boolean {
  return !/^(gpt-5|o\d)/.test(modelId);
}

export function convertToOpenAIInput(
  modelId: string,
  request: ModelRequest,
): ResponseCreateParamsStreaming {
  return {
    model: modelId,
    ...(request.system === '' ? {} : { instructions: request.system }),
    input: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
    store: false,
    ...(request.maxOutputTokens === undefined
      ? {}
      : { max_output_tokens: request.maxOutputTokens }),
    ...(request.temperature === undefined || !acceptsTemperature(modelId)
      ? {}
      : { temperature: request.temperature }),
    ...(request.jsonSchema === undefined
      ? {}
      : {
          text: {
            format: {
              type: 'json_schema',
              name: request.jsonSchema.name,
              schema: request.jsonSchema.schema,
              strict: true,
            },
          },
        }),
    ...(request.providerOptions as Partial<ResponseCreateParamsStreaming> | undefined),
  };
}
