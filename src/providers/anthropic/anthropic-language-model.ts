/**
 * Anthropic through the Messages API, streamed (raw events, no MessageStream helper, so every
 * event passes our idle watchdog). SDK retries off; ours apply (../common).
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelRequest, ModelResponse } from '../../core/language-model';
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { sdkLoggerOptions } from '../common/sdk-logger';
import type { VendorAdapter } from '../common/vendor-adapter';
import { convertToAnthropicInput } from './convert-to-anthropic-input';
import { mapAnthropicError } from './map-anthropic-error';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';
import { mapAnthropicUsage, type AnthropicUsageLike } from './map-anthropic-usage';
import { listAnthropicModels } from './list-anthropic-models';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** The Messages API over the Anthropic SDK, for the adapter skeleton (../common/vendor-adapter.ts). */
export const anthropicAdapter: VendorAdapter<Anthropic> = {
  createClient: createAnthropicClient,
  classify: mapAnthropicError,
  async stream(client, { modelId, request, effort, fail }) {
    const body = convertToAnthropicInput(modelId, request, effort);
    const stream = await client.messages.create(body, { signal: request.signal });
    const response = await readAnthropicStream(stream, request, modelId);
    if (response !== undefined) return response;
    throw fail({ kind: 'network', vendorMessage: 'the stream ended before message_stop' });
  },
  listModels: listAnthropicModels,
};

export async function createAnthropicClient(
  settings: ModelAdapterSettings,
  watchedFetch?: typeof fetch,
): Promise<Anthropic> {
  const { default: AnthropicClient } = await import('@anthropic-ai/sdk');
  return new AnthropicClient({
    // Explicit values keep the SDK from reading ANTHROPIC_* environment variables.
    apiKey: settings.apiKey ?? null,
    authToken: null,
    baseURL: settings.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL,
    maxRetries: 0,
    ...sdkLoggerOptions(settings),
    ...(watchedFetch === undefined ? {} : { fetch: watchedFetch }),
  });
}

/** Undefined when the stream ended before message_stop (a truncated stream). */
export async function readAnthropicStream(
  stream: AsyncIterable<RawMessageStreamEvent>,
  request: Pick<ModelRequest, 'onTextDelta'>,
  requestedModel: string,
): Promise<ModelResponse | undefined> {
  let text = '';
  let usage: AnthropicUsageLike = {};
  let stopReason: string | null | undefined;
  let modelId = requestedModel;
  for await (const event of stream) {
    switch (event.type) {
      case 'message_start':
        usage = { ...event.message.usage };
        modelId = event.message.model || requestedModel;
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta') {
          text += event.delta.text;
          request.onTextDelta?.(event.delta.text);
        }
        break;
      case 'message_delta':
        stopReason = event.delta.stop_reason;
        // message_delta usage is cumulative; fields it omits keep their message_start values.
        usage = { ...usage, ...withoutNulls(event.usage as AnthropicUsageLike) };
        break;
      case 'message_stop':
        return {
          text,
          usage: mapAnthropicUsage(usage),
          finishReason: mapAnthropicFinishReason(stopReason),
          modelId,
        };
      default:
        break;
    }
  }
  return undefined;
}

function withoutNulls(usage: AnthropicUsageLike): AnthropicUsageLike {
  return Object.fromEntries(
    Object.entries(usage).filter(([, value]) => value !== null && value !== undefined),
  );
}
