/** A wait that ends at once, with a 'cancelled' ModelError, when the signal aborts. */
import { ModelError } from '../../core/model-error';

export function abortableDelay(ms: number, signal: AbortSignal, provider: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelledError(provider));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(provider));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelledError(provider: string, modelId?: string): ModelError {
  return new ModelError({
    kind: 'cancelled',
    message: 'The call was cancelled.',
    provider,
    ...(modelId === undefined ? {} : { modelId }),
  });
}
