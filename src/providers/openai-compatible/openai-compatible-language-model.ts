/**
 * An OpenAI-compatible endpoint through Chat Completions, streamed. The key is optional (local
 * servers need none). Errors follow OpenAI's shape, so the OpenAI mapper serves here too.
 */
import type OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ModelRequest, ModelResponse, Usage } from '../../core/language-model';
import { ZERO_USAGE } from '../../core/language-model';
import type { VendorAdapter } from '../common/vendor-adapter';
import { mapOpenAIError } from '../openai/map-openai-error';
import { mapOpenAIChatUsage } from '../openai/map-openai-usage';
import { createOpenAIClient } from '../openai/openai-language-model';
import { convertToChatCompletionsInput } from './convert-to-chat-completions-input';
import { mapChatFinishReason } from './map-chat-finish-reason';
import { listOpenAIModels } from '../openai/list-openai-models';

/**
 * Chat Completions over the openai SDK, for the adapter skeleton (../common/vendor-adapter.ts);
 * its model list is OpenAI's GET /v1/models.
 */
export const openAICompatibleAdapter: VendorAdapter<OpenAI> = {
  createClient: createOpenAIClient,
  classify: mapOpenAIError,
  async stream(client, { modelId, request, fail }) {
    const body = convertToChatCompletionsInput(modelId, request);
    const stream = await client.chat.completions.create(body, { signal: request.signal });
    const response = await readChatStream(stream, request, modelId);
    if (response !== undefined) return response;
    throw fail({
      kind: 'network',
      vendorMessage: 'the stream ended before the response was complete',
    });
  },
  listModels: listOpenAIModels,
};

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
