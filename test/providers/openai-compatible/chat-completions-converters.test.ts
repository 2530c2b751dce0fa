import assert from 'node:assert/strict';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { convertToChatCompletionsInput } from '../../../src/providers/openai-compatible/convert-to-chat-completions-input';
import { mapChatFinishReason } from '../../../src/providers/openai-compatible/map-chat-finish-reason';
import { readChatStream } from '../../../src/providers/openai-compatible/openai-compatible-language-model';

const signal = new AbortController().signal;

function chunk(
  content: string | undefined,
  finish: string | null,
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk {
  return {
    id: 'c',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'llama3.3',
    choices: [
      {
        index: 0,
        delta: content === undefined ? {} : { content },
        finish_reason: finish as never,
        logprobs: null,
      },
    ],
    ...extra,
  };
}

async function* stream(chunks: ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  yield* chunks;
}

describe('Chat Completions converters (OpenAI-compatible)', () => {
  it('sends the system prompt as a system message, json_schema response_format and include_usage', () => {
    const params = convertToChatCompletionsInput('llama3.3', {
      system: 'sys',
      messages: [{ role: 'user', content: 'u' }],
      jsonSchema: { name: 'review', schema: { type: 'object' } },
      maxOutputTokens: 50,
      temperature: 0.2,
      signal,
    });
    assert.deepEqual(params.messages, [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'u' },
    ]);
    assert.deepEqual(params.response_format, {
      type: 'json_schema',
      json_schema: { name: 'review', schema: { type: 'object' }, strict: true },
    });
    assert.deepEqual(params.stream_options, { include_usage: true });
    assert.equal(params.max_tokens, 50);
    assert.equal(params.temperature, 0.2);
  });

  it('maps finish reasons', () => {
    assert.equal(mapChatFinishReason('stop'), 'stop');
    assert.equal(mapChatFinishReason('length'), 'length');
    assert.equal(mapChatFinishReason('content_filter'), 'content-filter');
    assert.equal(mapChatFinishReason('tool_calls'), 'tool-calls');
    assert.equal(mapChatFinishReason(null), 'other');
  });

  it('assembles deltas and the trailing usage chunk', async () => {
    const deltas: string[] = [];
    const response = await readChatStream(
      stream([
        chunk('Hel', null),
        chunk('lo', null),
        chunk(undefined, 'stop'),
        {
          ...chunk(undefined, null),
          choices: [],
          usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
        },
      ]),
      { onTextDelta: (delta) => deltas.push(delta) },
      'requested',
    );
    assert.deepEqual(deltas, ['Hel', 'lo']);
    assert.deepEqual(response, {
      text: 'Hello',
      usage: { inputTokens: 5, outputTokens: 2, cachedInputTokens: 0 },
      finishReason: 'stop',
      modelId: 'llama3.3',
    });
  });

  it('reports a stream without finish_reason as truncated (undefined)', async () => {
    assert.equal(await readChatStream(stream([chunk('Hel', null)]), {}, 'm'), undefined);
  });
});
