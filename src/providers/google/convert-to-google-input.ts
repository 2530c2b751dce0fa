/**
 * ModelRequest -> @google/genai generateContentStream parameters. Structured output uses
 * responseMimeType application/json + responseJsonSchema (a plain JSON Schema; the older
 * responseSchema takes Google's OpenAPI subset instead). The port's 'assistant' is Gemini's
 * 'model' role.
 */
import type { GenerateContentParameters, ThinkingLevel } from '@google/genai';
import type { ModelRequest } from '../../core/language-model';
import type { ReasoningEffort } from '../../core/reasoning-effort';

/**
 * Effort as `thinkingConfig.thinkingLevel` (ThinkingConfig / ThinkingLevel in @google/genai:
 * MINIMAL | LOW | MEDIUM | HIGH), never `thinkingBudget`, which Gemini 4 Argon does not take.
 * The SDK's enum is a value the lazily loaded SDK owns, so its wire strings are written here.
 */
function thinkingLevelOf(effort: ReasoningEffort): ThinkingLevel {
  const level =
    effort === 'none'
      ? 'MINIMAL'
      : effort === 'xhigh' || effort === 'max'
        ? 'HIGH'
        : effort.toUpperCase();
  return level as ThinkingLevel;
}

export function convertToGoogleInput(
  modelId: string,
  request: ModelRequest,
  effort?: ReasoningEffort,
): GenerateContentParameters {
  return {
    model: modelId,
    contents: request.messages.map((message) => ({
      role: message.role === 'assistant' ? 'model' : 'user',
      parts: [{ text: message.content }],
    })),
    config: {
      ...(request.system === '' ? {} : { systemInstruction: request.system }),
      ...(request.maxOutputTokens === undefined
        ? {}
        : { maxOutputTokens: request.maxOutputTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(effort === undefined
        ? {}
        : { thinkingConfig: { thinkingLevel: thinkingLevelOf(effort) } }),
      ...(request.jsonSchema === undefined
        ? {}
        : { responseMimeType: 'application/json', responseJsonSchema: request.jsonSchema.schema }),
      abortSignal: request.signal,
      ...(request.providerOptions as GenerateContentParameters['config']),
    },
  };
}
