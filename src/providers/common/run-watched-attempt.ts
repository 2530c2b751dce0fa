/**
 * One attempt of a model call through a watched fetch: whatever the SDK throws is turned into a
 * ModelError here, in a fixed order — the caller's abort wins ('cancelled'), then our idle
 * timer ('timeout'), then the vendor's own error through the adapter's mapper.
 */
import { ModelError } from '../../core/model-error';
import { cancelledError } from './abortable-delay';
import { buildModelError, type ClassifiedFailure } from './build-model-error';
import { createWatchedFetch } from './create-watched-fetch';
import { parseRetryAfter, type HeaderSource } from './parse-retry-after';
import type { ProviderIdentity } from './provider-identity';

export interface AttemptContext {
  identity: ProviderIdentity;
  modelId: string;
  signal: AbortSignal;
  idleTimeoutMs: number;
  /** Classifies a vendor/SDK error; headers are those of the last HTTP response. */
  classify: (error: unknown, headers: HeaderSource | undefined) => ClassifiedFailure;
}

/** The attempt context of an adapter's settings (model id '' for calls such as listing models). */
export function attemptContext(
  settings: { identity: ProviderIdentity; idleTimeoutMs: number },
  modelId: string,
  signal: AbortSignal,
  classify: AttemptContext['classify'],
): AttemptContext {
  return {
    identity: settings.identity,
    modelId,
    signal,
    idleTimeoutMs: settings.idleTimeoutMs,
    classify,
  };
}

export async function runWatchedAttempt<T>(
  context: AttemptContext,
  body: (watchedFetch: typeof fetch) => Promise<T>,
): Promise<T> {
  const watch = createWatchedFetch(context.idleTimeoutMs);
  try {
    if (context.signal.aborted) throw cancelledError(context.identity.providerId, context.modelId);
    return await body(watch.fetch);
  } catch (error) {
    if (context.signal.aborted) throw cancelledError(context.identity.providerId, context.modelId);
    if (watch.idleTimedOut) {
      throw buildModelError(
        {
          kind: 'timeout',
          vendorMessage: `no data for ${Math.round(context.idleTimeoutMs / 100) / 10} s`,
        },
        context.identity,
        context.modelId,
      );
    }
    if (error instanceof ModelError) throw error;
    const failure = context.classify(error, watch.lastHeaders);
    if (failure.retryAfterMs === undefined) {
      const fromHeaders = parseRetryAfter(watch.lastHeaders);
      if (fromHeaders !== undefined && failure.status !== undefined)
        failure.retryAfterMs = fromHeaders;
    }
    throw buildModelError(failure, context.identity, context.modelId);
  } finally {
    watch.dispose();
  }
}

/** Errors that mean the connection broke rather than the vendor answering. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name;
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`;
  return (
    name === 'APIConnectionError' ||
    name === 'FetchError' ||
    /terminated|socket|ECONNRESET|ECONNREFUSED|other side closed|fetch failed|network|premature close|Incomplete JSON segment/i.test(
      text,
    )
  );
}

/** Shared mapping of plain HTTP status codes, for vendors whose body said nothing more specific. */
export function kindForStatus(status: number | undefined): ClassifiedFailure['kind'] {
  if (status === undefined) return 'unknown';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model-not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return 'unknown';
}
