/**
 * OpenAI Chat Completions wire format (POST /v1/chat/completions), used by OpenAI-compatible
 * servers (Ollama, LM Studio, OpenRouter, vLLM). From the openai SDK's ChatCompletionChunk type:
 * `data: <chunk>` frames, a last chunk with finish_reason, then (stream_options.include_usage)
 * a chunk with `choices: []` and usage, then `data: [DONE]`.
 */
import type { ModelCall } from '../script-rule';
import { openAiErrorReply, openAiModelList } from './openai-errors';
import type { StreamFrames, VendorWire } from './vendor-wire';
import { asRecord, contentText, sseFrame } from './vendor-wire';

let counter = 0;

export const chatCompletionsWire: VendorWire = {
  parseCall(path, body): ModelCall | undefined {
    if (!path.endsWith('/chat/completions')) return undefined;
    const record = asRecord(body);
    const messages = Array.isArray(record.messages) ? record.messages.map(asRecord) : [];
    const format = asRecord(record.response_format);
    const jsonSchema = asRecord(format.json_schema);
    return {
      vendor: 'openai-compatible',
      model: String(record.model ?? ''),
      system: messages
        .filter((message) => message.role === 'system' || message.role === 'developer')
        .map((message) => contentText(message.content))
        .join('\n'),
      userText: messages
        .filter((message) => message.role === 'user')
        .map((message) => contentText(message.content))
        .join('\n'),
      ...(format.type === 'json_schema'
        ? { schemaName: String(jsonSchema.name ?? ''), schema: jsonSchema.schema }
        : {}),
      stream: record.stream === true,
    };
  },

  streamFrames(call, text, usage): StreamFrames {
    counter += 1;
    const base = {
      id: `chatcmpl-fake${counter}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: call.model,
      system_fingerprint: 'fp_fake',
    };
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      sseFrame({
        ...base,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      });
    return {
      contentType: 'text/event-stream; charset=utf-8',
      head: [chunk({ role: 'assistant', content: '' }, null)],
      delta: (piece) => chunk({ content: piece }, null),
      tail: [
        chunk({}, 'stop'),
        sseFrame({ ...base, choices: [], usage: chatUsage(usage) }),
        'data: [DONE]\n\n',
      ],
      overloadedFrame: sseFrame({
        error: {
          message: 'The server is overloaded. (simulated)',
          type: 'server_error',
          code: 'overloaded',
        },
      }),
    };
  },

  completeBody(call, text, usage) {
    counter += 1;
    return {
      id: `chatcmpl-fake${counter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: call.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: chatUsage(usage),
    };
  },

  errorReply: openAiErrorReply,

  listModels(path, models) {
    return path.endsWith('/models') ? openAiModelList(models) : undefined;
  },
};

function chatUsage(usage: {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
  };
}
