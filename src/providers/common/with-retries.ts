/**
 * Our retry loop (the SDKs' own retries are switched off so that one policy applies to every
 * vendor): retry the retryable kinds with exponential backoff and full jitter, or wait what the
 * vendor's Retry-After asks, both capped; never retry auth, quota, bad request or unknown model;
 * an abort interrupts the wait at once.
 */
import type { ModelError } from '../../core/model-error';
import { toModelError } from '../../core/model-error';
import { abortableDelay } from './abortable-delay';

export interface RetryOptions {
  provider: string;
  modelId?: string;
  signal: AbortSignal;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Upper bound of any single wait, Retry-After included. */
  retryCapMs: number;
  /** First backoff step; doubles each retry. */
  baseDelayMs: number;
  /** Called before each wait (e.g. for a log line). */
  onRetry?: (info: { attempt: number; delayMs: number; error: ModelError }) => void;
  random?: () => number;
}

export function retryDelayMs(error: ModelError, retryIndex: number, options: RetryOptions): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, options.retryCapMs);
  const ceiling = Math.min(options.retryCapMs, options.baseDelayMs * 2 ** retryIndex);
  const random = options.random ?? Math.random;
  // Full jitter (half fixed, half random) spreads simultaneous council calls apart.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (thrown) {
      const error = toModelError(thrown, options.provider, options.modelId);
      if (options.signal.aborted || !error.retryable || attempt >= options.maxRetries) throw error;
      const delayMs = retryDelayMs(error, attempt, options);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await abortableDelay(delayMs, options.signal, options.provider);
    }
  }
}
