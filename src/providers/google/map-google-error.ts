/**
 * @google/genai errors -> kinds. Its ApiError carries only `status` and a message holding the
 * JSON error body ({ error: { code, message, status, details } }), so that body is parsed back
 * out. Gemini reports both a rate limit and an exhausted quota as 429 RESOURCE_EXHAUSTED; the
 * quota case says "check your plan and billing details" (ai.google.dev/gemini-api/docs/
 * troubleshooting). A bad key comes back as 400 INVALID_ARGUMENT "API key not valid".
 */
import type { ClassifiedFailure } from '../common/build-model-error';
import { parseRetryAfter, parseRetryDelay, type HeaderSource } from '../common/parse-retry-after';
import { isConnectionFailure, kindForStatus } from '../common/run-watched-attempt';

interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
}

export function mapGoogleError(error: unknown, lastHeaders?: HeaderSource): ClassifiedFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    status?: unknown;
    message?: unknown;
  };
  const rawMessage = typeof e.message === 'string' ? e.message : String(error);
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined && isConnectionFailure(error)) {
    return { kind: 'network', vendorMessage: rawMessage };
  }
  const body = parseErrorBody(rawMessage);
  const vendorMessage = body?.message ?? rawMessage;
  const googleStatus = body?.status;
  const retryAfterMs =
    parseRetryDelay(rawMessage) ??
    (status === undefined ? undefined : parseRetryAfter(lastHeaders));
  const kind = ((): ClassifiedFailure['kind'] => {
    if (/API key not valid|API_KEY_INVALID|API key expired/i.test(rawMessage)) return 'auth';
    if (googleStatus === 'RESOURCE_EXHAUSTED' || status === 429) {
      return /billing|plan|credit|prepay/i.test(vendorMessage) ? 'quota' : 'rate-limited';
    }
    if (googleStatus === 'UNAUTHENTICATED' || googleStatus === 'PERMISSION_DENIED') return 'auth';
    if (googleStatus === 'NOT_FOUND') return 'model-not-found';
    if (googleStatus === 'UNAVAILABLE') return 'overloaded';
    if (googleStatus === 'DEADLINE_EXCEEDED') return 'timeout';
    if (googleStatus === 'INTERNAL') return 'server';
    if (googleStatus === 'INVALID_ARGUMENT' || googleStatus === 'FAILED_PRECONDITION')
      return 'bad-request';
    return kindForStatus(status ?? body?.code);
  })();
  const httpStatus = status ?? body?.code;
  return {
    kind,
    ...(httpStatus === undefined ? {} : { status: httpStatus }),
    vendorMessage,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

function parseErrorBody(message: string): GoogleErrorBody | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: GoogleErrorBody };
    return typeof parsed.error === 'object' && parsed.error !== null ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}
