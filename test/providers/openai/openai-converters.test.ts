import assert from 'node:assert/strict';
import { convertToOpenAIInput } from '../../../src/providers/openai/convert-to-openai-input';
import { mapOpenAIError } from '../../../src/providers/openai/map-openai-error';
import { mapOpenAIFinishReason } from '../../../src/providers/openai/map-openai-finish-reason';
import {
  mapOpenAIChatUsage,
  mapOpenAIResponsesUsage,
} from '../../../src/providers/openai/map-openai-usage';

const signal = new AbortController().signal;

describe('OpenAI converters', () => {
  describe('convertToOpenAIInput', () => {
    it('puts the system prompt in instructions and asks for strict json_schema output', () => {
      const params = convertToOpenAIInput('gpt-5.1', {
        system: 'sys',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'b' },
        ],
        jsonSchema: { name: 'draft', schema: { type: 'object' } },
        maxOutputTokens: 100,
        signal,
      });
      assert.equal(params.instructions, 'sys');
      assert.deepEqual(params.input, [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ]);
      assert.deepEqual(params.text, {
        format: { type: 'json_schema', name: 'draft', schema: { type: 'object' }, strict: true },
      });
      assert.equal(params.max_output_tokens, 100);
      assert.equal(params.stream, true);
      assert.equal(params.store, false);
      assert.equal(
        'temperature' in params,
        false,
        'no temperature unless asked (reasoning models reject it)',
      );
    });

    it('omits instructions and text format for a plain call, and passes provider options through', () => {
      const params = convertToOpenAIInput('gpt-5.1', {
        system: '',
        messages: [{ role: 'user', content: 'a' }],
        providerOptions: { reasoning: { effort: 'low' } },
        signal,
      });
      assert.equal('instructions' in params, false);
      assert.equal('text' in params, false);
      assert.deepEqual(params.reasoning, { effort: 'low' });
    });
  });

  it('drops temperature for reasoning models, which reject it, and keeps it for others', () => {
    const request = { system: '', messages: [], temperature: 0.3, signal };
    assert.equal('temperature' in convertToOpenAIInput('gpt-5.1', request), false);
    assert.equal('temperature' in convertToOpenAIInput('o3', request), false);
    assert.equal(convertToOpenAIInput('gpt-4.1', request).temperature, 0.3);
  });

  it('maps Responses status to finish reasons', () => {
    assert.equal(mapOpenAIFinishReason('completed'), 'stop');
    assert.equal(mapOpenAIFinishReason('incomplete', 'max_output_tokens'), 'length');
    assert.equal(mapOpenAIFinishReason('incomplete', 'content_filter'), 'content-filter');
    assert.equal(mapOpenAIFinishReason('failed'), 'error');
  });

  it('maps usage with cached tokens as a subset of input', () => {
    assert.deepEqual(
      mapOpenAIResponsesUsage({
        input_tokens: 100,
        output_tokens: 20,
        input_tokens_details: { cached_tokens: 60 },
      }),
      { inputTokens: 100, outputTokens: 20, cachedInputTokens: 60 },
    );
    assert.deepEqual(
      mapOpenAIChatUsage({ prompt_tokens: 9, completion_tokens: 3, prompt_tokens_details: null }),
      { inputTokens: 9, outputTokens: 3, cachedInputTokens: 0 },
    );
    assert.deepEqual(mapOpenAIResponsesUsage(null), {
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
    });
  });

  describe('mapOpenAIError', () => {
    const headers = (values: Record<string, string>) => ({
      get: (name: string) => values[name] ?? null,
    });

    it('tells insufficient_quota (never retried) from a rate limit (retried after Retry-After)', () => {
      assert.equal(
        mapOpenAIError({ status: 429, code: 'insufficient_quota', error: { message: 'quota' } })
          .kind,
        'quota',
      );
      const rateLimited = mapOpenAIError({
        status: 429,
        code: 'rate_limit_exceeded',
        headers: headers({ 'retry-after': '2' }),
      });
      assert.equal(rateLimited.kind, 'rate-limited');
      assert.equal(rateLimited.retryAfterMs, 2000);
    });

    it('maps auth, unknown model, bad request, overload and server errors', () => {
      assert.equal(mapOpenAIError({ status: 401, code: 'invalid_api_key' }).kind, 'auth');
      assert.equal(mapOpenAIError({ status: 403 }).kind, 'auth');
      assert.equal(
        mapOpenAIError({ status: 404, code: 'model_not_found' }).kind,
        'model-not-found',
      );
      assert.equal(mapOpenAIError({ status: 400 }).kind, 'bad-request');
      assert.equal(
        mapOpenAIError({ status: 400, code: 'content_policy_violation' }).kind,
        'content-filter',
      );
      assert.equal(mapOpenAIError({ status: 503 }).kind, 'overloaded');
      assert.equal(mapOpenAIError({ status: 500 }).kind, 'server');
      assert.equal(
        mapOpenAIError({ code: 'server_is_overloaded', message: 'x' }).kind,
        'overloaded',
      );
    });

    it('maps connection failures and SDK timeouts', () => {
      assert.equal(
        mapOpenAIError(
          Object.assign(new Error('Connection error.'), { name: 'APIConnectionError' }),
        ).kind,
        'network',
      );
      assert.equal(mapOpenAIError(new TypeError('terminated')).kind, 'network');
      assert.equal(
        mapOpenAIError(Object.assign(new Error('timed out'), { name: 'APIConnectionTimeoutError' }))
          .kind,
        'timeout',
      );
    });

    it("prefers the vendor's body message over the SDK's prefixed one", () => {
      const failure = mapOpenAIError({
        status: 429,
        message: '429 You exceeded',
        error: { message: 'You exceeded' },
      });
      assert.equal(failure.vendorMessage, 'You exceeded');
    });
  });
});
