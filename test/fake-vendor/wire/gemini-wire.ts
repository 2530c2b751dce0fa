/**
 * Gemini API wire format (@google/genai against generativelanguage.googleapis.com):
 * POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse, whose SSE frames
 * are `data: <GenerateContentResponse>` separated by CRLF CRLF; the last carries finishReason and
 * usageMetadata (promptTokenCount includes cachedContentTokenCount). Errors:
 * { error: { code, message, status, details } }, e.g. 429 RESOURCE_EXHAUSTED with RetryInfo,
 * 400 INVALID_ARGUMENT "API key not valid" (Gemini answers a bad key with 400, not 401).
 */
import type { Fault, ModelCall } from '../script-rule';
import type { ErrorReply, FaultContext, StreamFrames, VendorWire, WireUsage } from './vendor-wire';
import { asRecord, contentText } from './vendor-wire';

const callPath = /\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

export const geminiWire: VendorWire = {
  parseCall(path, body): ModelCall | undefined {
    const match = callPath.exec(path);
    if (match === null) return undefined;
    const record = asRecord(body);
    const contents = Array.isArray(record.contents) ? record.contents.map(asRecord) : [];
    const generationConfig = asRecord(record.generationConfig);
    const schema = generationConfig.responseJsonSchema ?? generationConfig.responseSchema;
    return {
      vendor: 'google',
      model: decodeURIComponent(match[1] ?? ''),
      system: contentText(asRecord(record.systemInstruction).parts),
      userText: contents
        .filter((content) => content.role !== 'model')
        .map((content) => contentText(content.parts))
        .join('\n'),
      ...(schema === undefined ? {} : { schema }),
      stream: match[2] === 'streamGenerateContent',
    };
  },

  streamFrames(call, text, usage): StreamFrames {
    const frame = (data: unknown) => `data: ${JSON.stringify(data)}\r\n\r\n`;
    return {
      contentType: 'text/event-stream',
      head: [],
      delta: (piece) =>
        frame(responseChunk(call, [{ text: piece }], undefined, { ...usage, outputTokens: 0 })),
      tail: [frame(responseChunk(call, [], 'STOP', usage))],
      overloadedFrame: frame({
        error: {
          code: 503,
          message: 'The model is overloaded. Please try again later.',
          status: 'UNAVAILABLE',
        },
      }),
    };
  },

  completeBody(call, text, usage) {
    return responseChunk(call, [{ text }], 'STOP', usage);
  },

  errorReply(fault: Fault, call: ModelCall, context: FaultContext): ErrorReply {
    const error = (
      code: number,
      status: string,
      message: string,
      details: unknown[] = [],
    ): ErrorReply => ({
      status: code,
      body: { error: { code, message, status, ...(details.length > 0 ? { details } : {}) } },
    });
    switch (fault) {
      case 'rate-limited': {
        const seconds = Number.isFinite(Number(context.retryAfter))
          ? Number(context.retryAfter)
          : 0;
        return {
          ...error(
            429,
            'RESOURCE_EXHAUSTED',
            'Resource has been exhausted (e.g. check quota). (simulated)',
            [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` }],
          ),
          headers: { 'retry-after': context.retryAfter },
        };
      }
      case 'insufficient-quota':
        return error(
          429,
          'RESOURCE_EXHAUSTED',
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
          [
            {
              '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
              violations: [
                {
                  quotaMetric:
                    'generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count',
                  quotaId: 'GenerateContentPaidTierInputTokensPerModelPerDay',
                },
              ],
            },
          ],
        );
      case 'unauthorized':
        return error(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
          },
        ]);
      case 'model-not-found':
        return error(
          404,
          'NOT_FOUND',
          `models/${call.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        );
      case 'bad-request':
        return error(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. (simulated)');
      case 'unavailable':
      case 'overloaded':
        return error(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
      default:
        return error(500, 'INTERNAL', 'An internal error has occurred. (simulated)');
    }
  },

  listModels(path, models) {
    if (!path.endsWith('/v1beta/models')) return undefined;
    return {
      // Gemini's Model has no lifecycle field; the fake lists only the ids.
      models: models.map(({ id }) => ({
        name: `models/${id}`,
        version: '001',
        displayName: id,
        inputTokenLimit: 1_048_576,
        outputTokenLimit: 65_536,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      })),
    };
  },
};

function responseChunk(
  call: ModelCall,
  parts: { text: string }[],
  finishReason: string | undefined,
  usage: WireUsage,
) {
  return {
    candidates: [
      {
        content: { parts, role: 'model' },
        ...(finishReason === undefined ? {} : { finishReason }),
        index: 0,
      },
    ],
    usageMetadata: {
      promptTokenCount: usage.inputTokens,
      candidatesTokenCount: usage.outputTokens,
      totalTokenCount: usage.inputTokens + usage.outputTokens,
      ...(usage.cachedInputTokens > 0 ? { cachedContentTokenCount: usage.cachedInputTokens } : {}),
    },
    modelVersion: call.model,
    responseId: 'fake-gemini-response',
  };
}
