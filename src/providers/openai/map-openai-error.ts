/**
 * openai SDK errors (and OpenAI-compatible servers' errors, which copy OpenAI's body) -> kinds.
 * Duck-typed on the SDK's APIError fields (status, code, type, error, headers) so this stays a
 * pure function testable with plain objects. insufficient_quota arrives as a 429 and must not
 * be retried like a rate limit (https://platform.openai.com/docs/guides/error-codes).
 */
import type { ClassifiedFailure } from '../common/build-model-error';
import { parseRetryAfter, type HeaderSource } from '../common/parse-retry-after';
import { isConnectionFailure, kindForStatus } from '../common/run-watched-attempt';

interface OpenAIErrorLike {
  name?: string;
  status?: unknown;
  code?: unknown;
  type?: unknown;
  message?: unknown;
  error?: { message?: unknown; code?: unknown; type?: unknown } | null;
  headers?: HeaderSource;
}

export function mapOpenAIError(error: unknown, lastHeaders?: HeaderSource): ClassifiedFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as OpenAIErrorLike;
  if (e.name === 'APIConnectionTimeoutError') return { kind: 'timeout' };
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined && isConnectionFailure(error)) {
    return { kind: 'network', vendorMessage: String(e.message ?? '') };
  }
  const body = e.error ?? undefined;
  const code = stringOf(e.code) ?? stringOf(body?.code);
  const type = stringOf(e.type) ?? stringOf(body?.type);
  const vendorMessage = stringOf(body?.message) ?? stringOf(e.message);
  const retryAfterMs = parseRetryAfter(
    e.headers ?? (status === undefined ? undefined : lastHeaders),
  );
  const base = {
    ...(status === undefined ? {} : { status }),
    ...(vendorMessage === undefined ? {} : { vendorMessage }),
  };
  const kind = ((): ClassifiedFailure['kind'] => {
    if (code === 'insufficient_quota' || type === 'insufficient_quota') return 'quota';
    if (code === 'invalid_api_key' || status === 401 || status === 403) return 'auth';
    if (code === 'model_not_found' || status === 404) return 'model-not-found';
    if (code === 'content_filter' || code === 'content_policy_violation') return 'content-filter';
    if (code === 'rate_limit_exceeded') return 'rate-limited';
    if (code === 'server_is_overloaded' || code === 'overloaded') return 'overloaded';
    if (status === undefined && (type === 'server_error' || code === 'server_error'))
      return 'server';
    return kindForStatus(status);
  })();
  return { kind, ...base, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
