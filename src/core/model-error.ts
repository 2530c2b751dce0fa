/**
 * The one error type the engine sees from any model. Adapters map every vendor/SDK error to a
 * kind; the engine and the UI decide on the kind alone (retry, abstain, tell the user what to do).
 */
export type ModelErrorKind =
  | 'rate-limited' // 429 / RESOURCE_EXHAUSTED (not quota): retry after a while
  | 'overloaded' // Anthropic 529 / overloaded_error, Gemini 503 UNAVAILABLE: retry
  | 'server' // 5xx: retry
  | 'network' // connection refused / reset: retry
  | 'timeout' // no bytes for the idle timeout, or the request timed out: retry
  | 'auth' // 401/403: bad or missing key; never retried
  | 'quota' // insufficient_quota / billing: never retried
  | 'model-not-found' // the model id is rejected: name the setting and the refresh action
  | 'bad-request' // 400 the vendor rejects the request as formed
  | 'bad-output' // the model answered, but not in the required structure
  | 'content-filter' // the vendor refused for safety reasons
  | 'cancelled' // the caller aborted
  | 'unknown';

export const RETRYABLE_KINDS: ReadonlySet<ModelErrorKind> = new Set([
  'rate-limited',
  'overloaded',
  'server',
  'network',
  'timeout',
]);

export interface ModelErrorInit {
  kind: ModelErrorKind;
  message: string;
  provider: string;
  modelId?: string;
  status?: number;
  /** From a Retry-After header (or the vendor's retry hint), in milliseconds. */
  retryAfterMs?: number;
  /** What the user can do about it, e.g. "Run 'Set API Key…' for OpenAI". */
  hint?: string;
  cause?: unknown;
}

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly provider: string;
  readonly modelId: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly hint: string | undefined;

  constructor(init: ModelErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ModelError';
    this.kind = init.kind;
    this.provider = init.provider;
    this.modelId = init.modelId;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.hint = init.hint;
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }

  /** A plain, serialisable form for events, transcripts and MCP results (never contains a key). */
  toJSON(): SerializedModelError {
    return {
      kind: this.kind,
      message: this.message,
      provider: this.provider,
      ...(this.modelId === undefined ? {} : { modelId: this.modelId }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

export interface SerializedModelError {
  kind: ModelErrorKind;
  message: string;
  provider: string;
  modelId?: string;
  status?: number;
  hint?: string;
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}

/** Any thrown value as a ModelError, so callers never branch on foreign error types. */
export function toModelError(error: unknown, provider: string, modelId?: string): ModelError {
  if (error instanceof ModelError) return error;
  if (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'APIUserAbortError')
  ) {
    return new ModelError({
      kind: 'cancelled',
      message: 'The call was cancelled.',
      provider,
      modelId,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError({ kind: 'unknown', message, provider, modelId, cause: error });
}
