/**
 * ModelRequest -> @google/genai generateContentStream parameters. Structured output uses
 * responseMimeType application/json + responseJsonSchema (a plain JSON Schema; the older
 * responseSchema takes Google's OpenAPI subset instead). The port's 'assistant' is Gemini's
 * 'model' role.
 */
import type { GenerateContentParameters } from '@google/genai';
import type { ModelRequest } from '../../core/language-model';

export function convertToGoogleInput(
  modelId: string,
  request: ModelRequest,
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
      ...(request.jsonSchema === undefined
        ? {}
        : { responseMimeType: 'application/json', responseJsonSchema: request.jsonSchema.schema }),
      abortSignal: request.signal,
      ...(request.providerOptions as GenerateContentParameters['config']),
    },
  };
}
