/**
 * @anthropic-ai/sdk errors -> kinds, duck-typed on APIError (status, type, error, headers).
 * Error types from https://docs.anthropic.com/en/api/errors: 529 / overloaded_error (also sent
 * as an `event: error` mid-stream, where the SDK's error has no status), rate_limit_error,
 * authentication_error, permission_error, not_found_error, billing_error; an empty balance
 * arrives as a 400 invalid_request_error "credit balance is too low".
 */
import type { ClassifiedFailure } from '../common/build-model-error';
import { parseRetryAfter, type HeaderSource } from '../common/parse-retry-after';
import { isConnectionFailure, kindForStatus } from '../common/run-watched-attempt';

interface AnthropicErrorLike {
  name?: string;
  status?: unknown;
  type?: unknown;
  message?: unknown;
  error?: { error?: { type?: unknown; message?: unknown } } | null;
  headers?: HeaderSource;
}

export function mapAnthropicError(error: unknown, lastHeaders?: HeaderSource): ClassifiedFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AnthropicErrorLike;
  if (e.name === 'APIConnectionTimeoutError') return { kind: 'timeout' };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const body = e.error?.error;
  const type =
    typeof e.type === 'string' ? e.type : typeof body?.type === 'string' ? body.type : undefined;
  if (status === undefined && type === undefined && isConnectionFailure(error)) {
    return { kind: 'network', vendorMessage: String(e.message ?? '') };
  }
  const vendorMessage =
    typeof body?.message === 'string'
      ? body.message
      : typeof e.message === 'string'
        ? e.message
        : undefined;
  const retryAfterMs = parseRetryAfter(
    e.headers ?? (status === undefined ? undefined : lastHeaders),
  );
  const kind = ((): ClassifiedFailure['kind'] => {
    if (type === 'billing_error' || /credit balance|billing/i.test(vendorMessage ?? ''))
      return 'quota';
    if (type === 'overloaded_error') return 'overloaded';
    if (type === 'rate_limit_error') return 'rate-limited';
    if (type === 'authentication_error' || type === 'permission_error') return 'auth';
    if (type === 'not_found_error') return 'model-not-found';
    if (type === 'api_error') return status === undefined ? 'server' : kindForStatus(status);
    if (type === 'timeout_error') return 'timeout';
    if (type === 'invalid_request_error') return 'bad-request';
    return kindForStatus(status);
  })();
  return {
    kind,
    ...(status === undefined ? {} : { status }),
    ...(vendorMessage === undefined ? {} : { vendorMessage }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
