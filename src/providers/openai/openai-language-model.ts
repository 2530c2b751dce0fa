/**
 * OpenAI through the Responses API, streamed. The SDK's retries are off (maxRetries: 0): our
 * retry loop and idle watchdog (../common) apply the same policy to every vendor.
 */
import type OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ModelRequest, ModelResponse } from '../../core/language-model';
import type { ClassifiedFailure } from '../common/build-model-error';
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { sdkLoggerOptions } from '../common/sdk-logger';
import type { VendorAdapter } from '../common/vendor-adapter';
import { convertToOpenAIInput } from './convert-to-openai-input';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';
import { mapOpenAIResponsesUsage } from './map-openai-usage';
import { listOpenAIModels } from './list-openai-models';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The Responses API over the openai SDK, for the adapter skeleton (../common/vendor-adapter.ts). */
export const openaiAdapter: VendorAdapter<OpenAI> = {
  createClient: createOpenAIClient,
  classify: mapOpenAIError,
  async stream(client, { modelId, request, effort, fail }) {
    const input = convertToOpenAIInput(modelId, request, effort);
    const stream = await client.responses.create(input, { signal: request.signal });
    return readResponseStream(stream, request, modelId, fail);
  },
  listModels: listOpenAIModels,
};

export async function createOpenAIClient(
  settings: ModelAdapterSettings,
  watchedFetch?: typeof fetch,
): Promise<OpenAI> {
  const { default: OpenAIClient } = await import('openai');
  return new OpenAIClient({
    // Passed explicitly (never undefined) so the SDK does not fall back to environment variables.
    apiKey: settings.apiKey ?? 'no-key',
    baseURL: settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    maxRetries: 0,
    ...sdkLoggerOptions(settings),
    ...(settings.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    ...(watchedFetch === undefined ? {} : { fetch: watchedFetch }),
  });
}

async function readResponseStream(
  stream: AsyncIterable<ResponseStreamEvent>,
  request: ModelRequest,
  requestedModel: string,
  fail: (failure: ClassifiedFailure) => Error,
): Promise<ModelResponse> {
  let text = '';
  let refusal = '';
  for await (const event of stream) {
    switch (event.type) {
      case 'response.output_text.delta':
        text += event.delta;
        request.onTextDelta?.(event.delta);
        break;
      case 'response.refusal.delta':
        refusal += event.delta;
        break;
      case 'error':
        throw fail(classifyStreamError(event.code, event.message));
      case 'response.failed':
        throw fail(classifyStreamError(event.response.error?.code, event.response.error?.message));
      case 'response.completed':
      case 'response.incomplete': {
        const response = event.response;
        const finishReason =
          refusal !== '' && text === ''
            ? 'content-filter'
            : mapOpenAIFinishReason(response.status, response.incomplete_details?.reason);
        return {
          text: text === '' ? (response.output_text ?? '') : text,
          usage: mapOpenAIResponsesUsage(response.usage),
          finishReason,
          modelId: response.model || requestedModel,
        };
      }
      default:
        break;
    }
  }
  throw fail({
    kind: 'network',
    vendorMessage: 'the stream ended before the response was complete',
  });
}

function classifyStreamError(code: string | null | undefined, message: string | null | undefined) {
  const failure = mapOpenAIError({ code, message, error: { code, message } });
  // An in-stream error without a recognisable code is the server's fault, and worth a retry.
  return failure.kind === 'unknown' ? { ...failure, kind: 'server' as const } : failure;
}
