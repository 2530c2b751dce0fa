import assert from 'node:assert/strict';
import type { GenerateContentResponse } from '@google/genai';
import { convertToGoogleInput } from '../../../src/providers/google/convert-to-google-input';
import { readGoogleStream } from '../../../src/providers/google/google-language-model';
import { mapGoogleError } from '../../../src/providers/google/map-google-error';
import { mapGoogleFinishReason } from '../../../src/providers/google/map-google-finish-reason';
import { mapGoogleUsage } from '../../../src/providers/google/map-google-usage';

const signal = new AbortController().signal;

function apiError(status: number, body: unknown): Error {
  return Object.assign(new Error(JSON.stringify(body)), { name: 'ApiError', status });
}

describe('Gemini converters', () => {
  it('maps roles, the system instruction and JSON mode (responseJsonSchema), and passes the abort signal', () => {
    const params = convertToGoogleInput('gemini-3.1-pro-preview', {
      system: 'sys',
      messages: [
        { role: 'user', content: 'u' },
        { role: 'assistant', content: 'a' },
      ],
      jsonSchema: { name: 'draft', schema: { type: 'object' } },
      signal,
    });
    assert.deepEqual(params.contents, [
      { role: 'user', parts: [{ text: 'u' }] },
      { role: 'model', parts: [{ text: 'a' }] },
    ]);
    assert.equal(params.config?.systemInstruction, 'sys');
    assert.equal(params.config?.responseMimeType, 'application/json');
    assert.deepEqual(params.config?.responseJsonSchema, { type: 'object' });
    assert.equal(params.config?.abortSignal, signal);
  });

  it('maps finish reasons and usage (thinking counts as output)', () => {
    assert.equal(mapGoogleFinishReason('STOP'), 'stop');
    assert.equal(mapGoogleFinishReason('MAX_TOKENS'), 'length');
    assert.equal(mapGoogleFinishReason('SAFETY'), 'content-filter');
    assert.deepEqual(
      mapGoogleUsage({
        promptTokenCount: 100,
        candidatesTokenCount: 10,
        thoughtsTokenCount: 5,
        cachedContentTokenCount: 40,
      }),
      { inputTokens: 100, outputTokens: 15, cachedInputTokens: 40 },
    );
  });

  describe('mapGoogleError', () => {
    it('tells a quota (billing wording) from a rate limit, both 429 RESOURCE_EXHAUSTED', () => {
      const quota = apiError(429, {
        error: {
          code: 429,
          status: 'RESOURCE_EXHAUSTED',
          message: 'You exceeded your current quota, please check your plan and billing details.',
        },
      });
      assert.equal(mapGoogleError(quota).kind, 'quota');
      const rate = apiError(429, {
        error: {
          code: 429,
          status: 'RESOURCE_EXHAUSTED',
          message: 'Resource has been exhausted (e.g. check quota).',
          details: [{ retryDelay: '7s' }],
        },
      });
      const failure = mapGoogleError(rate);
      assert.equal(failure.kind, 'rate-limited');
      assert.equal(failure.retryAfterMs, 7000);
    });

    it('maps a bad key (400 API_KEY_INVALID) to auth, and NOT_FOUND, UNAVAILABLE, INTERNAL', () => {
      assert.equal(
        mapGoogleError(
          apiError(400, {
            error: {
              code: 400,
              status: 'INVALID_ARGUMENT',
              message: 'API key not valid. Please pass a valid API key.',
            },
          }),
        ).kind,
        'auth',
      );
      assert.equal(
        mapGoogleError(
          apiError(404, {
            error: { code: 404, status: 'NOT_FOUND', message: 'models/x is not found' },
          }),
        ).kind,
        'model-not-found',
      );
      assert.equal(
        mapGoogleError(
          apiError(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'overloaded' } }),
        ).kind,
        'overloaded',
      );
      assert.equal(
        mapGoogleError(apiError(500, { error: { code: 500, status: 'INTERNAL', message: 'x' } }))
          .kind,
        'server',
      );
      assert.equal(
        mapGoogleError(
          apiError(400, { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad field' } }),
        ).kind,
        'bad-request',
      );
    });

    it('reads the in-stream error form ("got status: …. {json}") and connection failures', () => {
      const inStream = Object.assign(
        new Error(
          'got status: UNAVAILABLE. {"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}',
        ),
        { name: 'ApiError', status: 503 },
      );
      assert.equal(mapGoogleError(inStream).kind, 'overloaded');
      assert.equal(mapGoogleError(new TypeError('fetch failed')).kind, 'network');
    });
  });

  it('reads a stream: skips thought parts, needs a finishReason, reports a blocked prompt', async () => {
    async function* stream(chunks: unknown[]) {
      yield* chunks as GenerateContentResponse[];
    }
    const deltas: string[] = [];
    const done = await readGoogleStream(
      stream([
        {
          candidates: [
            { content: { parts: [{ text: 'thinking…', thought: true }, { text: 'Hel' }] } },
          ],
        },
        {
          candidates: [{ content: { parts: [{ text: 'lo' }] }, finishReason: 'STOP' }],
          usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2 },
          modelVersion: 'gemini-3.1-pro-preview',
        },
      ]),
      { onTextDelta: (d) => deltas.push(d) },
      'requested',
    );
    assert.deepEqual(deltas, ['Hel', 'lo']);
    assert.deepEqual(done, {
      kind: 'done',
      response: {
        text: 'Hello',
        usage: { inputTokens: 3, outputTokens: 2, cachedInputTokens: 0 },
        finishReason: 'stop',
        modelId: 'gemini-3.1-pro-preview',
      },
    });
    assert.deepEqual(
      await readGoogleStream(
        stream([{ candidates: [{ content: { parts: [{ text: 'x' }] } }] }]),
        {},
        'm',
      ),
      { kind: 'truncated' },
    );
    assert.deepEqual(
      await readGoogleStream(stream([{ promptFeedback: { blockReason: 'SAFETY' } }]), {}, 'm'),
      { kind: 'blocked', reason: 'SAFETY' },
    );
  });
});
