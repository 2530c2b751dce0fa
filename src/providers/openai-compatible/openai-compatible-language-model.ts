/**
 * An OpenAI-compatible endpoint through Chat Completions, streamed. The key is optional (local
 * servers need none). Errors follow OpenAI's shape, so the OpenAI mapper serves here too.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { LanguageModel, ModelRequest, ModelResponse, Usage } from '../../core/language-model';
import { ZERO_USAGE } from '../../core/language-model';
import { buildModelError } from '../common/build-model-error';
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { generateWithRetries } from '../common/generate-with-retries';
import { mapOpenAIError } from '../openai/map-openai-error';
import { mapOpenAIChatUsage } from '../openai/map-openai-usage';
import { createOpenAIClient } from '../openai/openai-language-model';
import { convertToChatCompletionsInput } from './convert-to-chat-completions-input';
import { mapChatFinishReason } from './map-chat-finish-reason';

export class OpenAICompatibleLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly settings: ModelAdapterSettings,
  ) {
    this.provider = settings.identity.providerId;
  }

  generate(request: ModelRequest): Promise<ModelResponse> {
    const { identity } = this.settings;
    return generateWithRetries(
      this.settings,
      this.modelId,
      request,
      mapOpenAIError,
      async (watchedFetch) => {
        const client = await createOpenAIClient(this.settings, watchedFetch);
        const stream = await client.chat.completions.create(
          convertToChatCompletionsInput(this.modelId, request),
          { signal: request.signal },
        );
        const response = await readChatStream(stream, request, this.modelId);
        if (response === undefined) {
          throw buildModelError(
            { kind: 'network', vendorMessage: 'the stream ended before the response was complete' },
            identity,
            this.modelId,
          );
        }
        return response;
      },
    );
  }
}

/** Undefined when the stream ended without a finish_reason (a truncated stream). */
export async function readChatStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  request: Pick<ModelRequest, 'onTextDelta'>,
  requestedModel: string,
): Promise<ModelResponse | undefined> {
  let text = '';
  let finishReason: string | null | undefined;
  let usage: Usage = ZERO_USAGE;
  let modelId = requestedModel;
  for await (const chunk of stream) {
    if (chunk.model) modelId = chunk.model;
    if (chunk.usage) usage = mapOpenAIChatUsage(chunk.usage);
    const choice = chunk.choices[0];
    if (choice === undefined) continue;
    const delta = choice.delta?.content;
    if (typeof delta === 'string' && delta !== '') {
      text += delta;
      request.onTextDelta?.(delta);
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  if (finishReason === undefined) return undefined;
  return { text, usage, finishReason: mapChatFinishReason(finishReason), modelId };
}
