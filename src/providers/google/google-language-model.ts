/**
 * Gemini through @google/genai's generateContentStream (streamGenerateContent?alt=sse). The SDK
 * retries only when given retryOptions, which we never pass; ours apply (../common).
 */
import type { GenerateContentResponse, GoogleGenAI } from '@google/genai';
import type { ModelRequest, ModelResponse } from '../../core/language-model';
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import type { VendorAdapter } from '../common/vendor-adapter';
import { convertToGoogleInput } from './convert-to-google-input';
import { mapGoogleError } from './map-google-error';
import { mapGoogleFinishReason } from './map-google-finish-reason';
import { mapGoogleUsage, type GoogleUsageLike } from './map-google-usage';
import { listGoogleModels } from './list-google-models';

export const GOOGLE_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

/** generateContentStream over @google/genai, for the adapter skeleton (../common/vendor-adapter.ts). */
export const googleAdapter: VendorAdapter<GoogleGenAI> = {
  createClient: createGoogleClient,
  classify: mapGoogleError,
  async stream(client, { modelId, request, effort, fail }) {
    const result = await readGoogleStream(
      await client.models.generateContentStream(convertToGoogleInput(modelId, request, effort)),
      request,
      modelId,
    );
    if (result.kind === 'done') return result.response;
    throw fail(
      result.kind === 'blocked'
        ? { kind: 'content-filter', vendorMessage: `prompt blocked (${result.reason})` }
        : { kind: 'network', vendorMessage: 'the stream ended before a finishReason' },
    );
  },
  listModels: listGoogleModels,
};

export async function createGoogleClient(
  settings: ModelAdapterSettings,
  watchedFetch?: typeof fetch,
): Promise<GoogleGenAI> {
  const { GoogleGenAI: GoogleClient } = await import('@google/genai');
  return new GoogleClient({
    // Explicit, so the SDK does not read GOOGLE_API_KEY / GEMINI_API_KEY itself.
    apiKey: settings.apiKey ?? '',
    httpOptions: {
      baseUrl: settings.baseUrl ?? GOOGLE_DEFAULT_BASE_URL,
      ...(watchedFetch === undefined ? {} : { fetch: watchedFetch }),
    },
  });
}

type StreamResult =
  | { kind: 'done'; response: ModelResponse }
  | { kind: 'blocked'; reason: string }
  | { kind: 'truncated' };

export async function readGoogleStream(
  stream: AsyncIterable<GenerateContentResponse>,
  request: Pick<ModelRequest, 'onTextDelta'>,
  requestedModel: string,
): Promise<StreamResult> {
  let text = '';
  let usage: GoogleUsageLike | undefined;
  let finishReason: string | undefined;
  let modelId = requestedModel;
  let blockReason: string | undefined;
  for await (const chunk of stream) {
    if (chunk.usageMetadata) usage = chunk.usageMetadata;
    if (chunk.modelVersion) modelId = chunk.modelVersion;
    if (chunk.promptFeedback?.blockReason) blockReason = String(chunk.promptFeedback.blockReason);
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      // Thought summaries are not part of the answer.
      if (typeof part.text === 'string' && part.text !== '' && part.thought !== true) {
        text += part.text;
        request.onTextDelta?.(part.text);
      }
    }
    if (candidate?.finishReason) finishReason = String(candidate.finishReason);
  }
  if (finishReason === undefined) {
    return blockReason === undefined
      ? { kind: 'truncated' }
      : { kind: 'blocked', reason: blockReason };
  }
  return {
    kind: 'done',
    response: {
      text,
      usage: mapGoogleUsage(usage),
      finishReason: mapGoogleFinishReason(finishReason),
      modelId,
    },
  };
}
