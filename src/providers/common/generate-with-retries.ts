/**
 * One model call as every adapter makes it: our retries (../common/with-retries) around a
 * watched attempt (idle timeout, abort, the vendor's errors mapped to ModelError).
 */
import type { ModelRequest, ModelResponse } from '../../core/language-model';
import type { ModelAdapterSettings } from './model-adapter-settings';
import { attemptContext, runWatchedAttempt, type AttemptContext } from './run-watched-attempt';
import { withRetries } from './with-retries';

export function generateWithRetries(
  settings: ModelAdapterSettings,
  modelId: string,
  request: ModelRequest,
  classify: AttemptContext['classify'],
  attempt: (watchedFetch: typeof fetch) => Promise<ModelResponse>,
): Promise<ModelResponse> {
  const context = attemptContext(settings, modelId, request.signal, classify);
  const budget = request.retry;
  return withRetries(() => runWatchedAttempt(context, attempt), {
    ...settings.retry,
    ...(budget
      ? {
          maxRetries: Math.min(settings.retry.maxRetries, budget.maxRetries),
          retryCapMs: Math.min(settings.retry.retryCapMs, budget.maxDelayMs),
          baseDelayMs: Math.min(settings.retry.baseDelayMs, budget.maxDelayMs),
        }
      : {}),
    provider: settings.identity.providerId,
    modelId,
    signal: request.signal,
  });
}
