/**
 * OpenAI's error bodies and model list, shared by the Responses and Chat Completions wires (and
 * by OpenAI-compatible servers, which copy them): { error: { message, type, param, code } }.
 */
import type { Fault, ModelCall } from '../script-rule';
import type { ErrorReply, FakeModel, FaultContext } from './vendor-wire';

export function openAiErrorReply(fault: Fault, call: ModelCall, context: FaultContext): ErrorReply {
  const error = (status: number, message: string, type: string, code: string | null) => ({
    status,
    body: { error: { message, type, param: null, code } },
  });
  switch (fault) {
    case 'rate-limited':
      return {
        ...error(
          429,
          `Rate limit reached for ${call.model} on requests per min (RPM): Limit 3, Used 3, Requested 1. (simulated)`,
          'requests',
          'rate_limit_exceeded',
        ),
        headers: retryHeaders(context),
      };
    case 'insufficient-quota':
      return error(
        429,
        'You exceeded your current quota, please check your plan and billing details. (simulated)',
        'insufficient_quota',
        'insufficient_quota',
      );
    case 'unauthorized':
      // The real API echoes a masked key; the adapter must not pass even that on.
      return error(
        401,
        `Incorrect API key provided: ${context.maskedKey ?? 'none'}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        'invalid_api_key',
      );
    case 'model-not-found':
      return error(
        404,
        `The model \`${call.model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      );
    case 'bad-request':
      return error(400, "Invalid value for 'input'. (simulated)", 'invalid_request_error', null);
    case 'unavailable':
    case 'overloaded':
      return error(
        503,
        'The engine is currently overloaded, please try again later.',
        'server_error',
        null,
      );
    default:
      return error(
        500,
        'The server had an error while processing your request. (simulated)',
        'server_error',
        null,
      );
  }
}

export function retryHeaders(context: FaultContext): Record<string, string> {
  return {
    'retry-after': context.retryAfter,
    ...(context.retryAfterMs === undefined
      ? {}
      : { 'retry-after-ms': String(context.retryAfterMs) }),
  };
}

/** GET /v1/models; `shutdown_date` as OpenAI's "Deprecations" page documents it (null when none). */
export function openAiModelList(models: FakeModel[]) {
  return {
    object: 'list',
    data: models.map((model) => ({
      id: model.id,
      object: 'model',
      created: 1_750_000_000,
      owned_by: 'fake-vendor',
      shutdown_date: model.shutdownDate ?? null,
    })),
  };
}
