import assert from 'node:assert/strict';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import { readAnthropicStream } from '../../../src/providers/anthropic/anthropic-language-model';
import {
  ANTHROPIC_DEFAULT_MAX_TOKENS,
  convertToAnthropicInput,
} from '../../../src/providers/anthropic/convert-to-anthropic-input';
import { mapAnthropicError } from '../../../src/providers/anthropic/map-anthropic-error';
import { mapAnthropicFinishReason } from '../../../src/providers/anthropic/map-anthropic-finish-reason';
import { mapAnthropicUsage } from '../../../src/providers/anthropic/map-anthropic-usage';

const signal = new AbortController().signal;

describe('Anthropic converters', () => {
  it('uses output_config.format json_schema for structured output and always sets max_tokens', () => {
    const params = convertToAnthropicInput('claude-sonnet-4-6', {
      system: 'sys',
      messages: [{ role: 'user', content: 'u' }],
      jsonSchema: { name: 'review', schema: { type: 'object' } },
      signal,
    });
    assert.equal(params.system, 'sys');
    assert.equal(params.max_tokens, ANTHROPIC_DEFAULT_MAX_TOKENS);
    assert.deepEqual(params.output_config, {
      format: { type: 'json_schema', schema: { type: 'object' } },
    });
    assert.equal('tools' in params, false);
    const plain = convertToAnthropicInput('m', {
      system: '',
      messages: [],
      maxOutputTokens: 10,
      signal,
    });
    assert.equal('system' in plain, false);
    assert.equal('output_config' in plain, false);
    assert.equal(plain.max_tokens, 10);
  });

  it('maps stop reasons', () => {
    assert.equal(mapAnthropicFinishReason('end_turn'), 'stop');
    assert.equal(mapAnthropicFinishReason('max_tokens'), 'length');
    assert.equal(mapAnthropicFinishReason('refusal'), 'content-filter');
    assert.equal(mapAnthropicFinishReason('tool_use'), 'tool-calls');
  });

  it('adds cache reads and writes back into input tokens (Anthropic reports them apart)', () => {
    assert.deepEqual(
      mapAnthropicUsage({
        input_tokens: 10,
        cache_read_input_tokens: 90,
        cache_creation_input_tokens: 5,
        output_tokens: 7,
      }),
      { inputTokens: 105, outputTokens: 7, cachedInputTokens: 90 },
    );
  });

  it('maps error types, including overloaded_error mid-stream (no status) and an empty credit balance', () => {
    const body = (type: string, message = 'm') => ({
      error: { type: 'error', error: { type, message } },
    });
    assert.equal(
      mapAnthropicError({ status: undefined, ...body('overloaded_error') }).kind,
      'overloaded',
    );
    assert.equal(mapAnthropicError({ status: 529, type: 'overloaded_error' }).kind, 'overloaded');
    assert.equal(
      mapAnthropicError({ status: 429, ...body('rate_limit_error') }).kind,
      'rate-limited',
    );
    assert.equal(mapAnthropicError({ status: 401, ...body('authentication_error') }).kind, 'auth');
    assert.equal(
      mapAnthropicError({ status: 404, ...body('not_found_error') }).kind,
      'model-not-found',
    );
    assert.equal(
      mapAnthropicError({
        status: 400,
        ...body(
          'invalid_request_error',
          'Your credit balance is too low to access the Anthropic API.',
        ),
      }).kind,
      'quota',
    );
    assert.equal(
      mapAnthropicError({ status: 400, ...body('invalid_request_error') }).kind,
      'bad-request',
    );
    assert.equal(mapAnthropicError({ status: 500, ...body('api_error') }).kind, 'server');
    assert.equal(mapAnthropicError(new TypeError('fetch failed')).kind, 'network');
  });

  it('reads a raw event stream: text deltas, cumulative usage, stop reason; undefined without message_stop', async () => {
    const events = [
      {
        type: 'message_start',
        message: {
          model: 'claude-sonnet-4-6',
          usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 4 },
        },
      },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: '!' } },
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { output_tokens: 3, input_tokens: null },
      },
      { type: 'message_stop' },
    ] as unknown as RawMessageStreamEvent[];
    async function* stream(list: RawMessageStreamEvent[]) {
      yield* list;
    }
    const deltas: string[] = [];
    const response = await readAnthropicStream(
      stream(events),
      { onTextDelta: (d) => deltas.push(d) },
      'x',
    );
    assert.deepEqual(deltas, ['Hi', '!']);
    assert.deepEqual(response, {
      text: 'Hi!',
      usage: { inputTokens: 14, outputTokens: 3, cachedInputTokens: 4 },
      finishReason: 'stop',
      modelId: 'claude-sonnet-4-6',
    });
    assert.equal(await readAnthropicStream(stream(events.slice(0, 3)), {}, 'x'), undefined);
  });
});
