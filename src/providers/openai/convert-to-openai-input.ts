/**
 * ModelRequest -> Responses API parameters. Structured output uses `text.format` json_schema
 * with strict: true (OpenAI structured outputs), so the engine's schemas must be strict-ready
 * (src/core/structured-schemas.ts). `store: false`: council prompts are not kept on OpenAI's side.
 */
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import type { ModelRequest } from '../../core/language-model';
import type { ReasoningEffort } from '../../core/reasoning-effort';

/**
 * OpenAI's reasoning models (GPT-5 family, o-series) reject `temperature` with a 400; dropping it
 * keeps a council participant from abstaining over a sampling knob (vercel/ai does the same).
 */
export function acceptsTemperature(modelId: string): boolean {
  return !/^(gpt-[5-9]|gpt-\d{2}|o\d)/.test(modelId);
}

/**
 * The Responses API's `reasoning.effort` (openai/resources/shared.d.ts, Reasoning.effort). The
 * SDK's type stops at 'xhigh'; the GPT-6 family also takes 'max' ("Models",
 * developers.openai.com/api/docs/models), so the level is passed as the user wrote it.
 */
function reasoningOf(effort: ReasoningEffort | undefined) {
  return effort === undefined
    ? {}
    : {
        reasoning: {
          effort: effort as NonNullable<ResponseCreateParamsStreaming['reasoning']>['effort'],
        },
      };
}

export function convertToOpenAIInput(
  modelId: string,
  request: ModelRequest,
  effort?: ReasoningEffort,
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
    ...reasoningOf(effort),
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
