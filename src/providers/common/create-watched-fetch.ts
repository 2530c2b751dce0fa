/**
 * A fetch for the SDKs that (1) aborts the request when no bytes arrive for idleTimeoutMs —
 * the SDKs' own timeouts stop at the response headers, so a stream that stalls afterwards would
 * hang forever — and (2) remembers the retry headers of the last response, which not every SDK
 * exposes on its error (@google/genai's ApiError has no headers).
 */
import type { HeaderSource } from './parse-retry-after';

export interface WatchedFetch {
  fetch: typeof fetch;
  /** True once the idle timer fired and aborted the request. */
  readonly idleTimedOut: boolean;
  /** Headers of the most recent response. */
  readonly lastHeaders: HeaderSource | undefined;
  dispose(): void;
}

export function createWatchedFetch(
  idleTimeoutMs: number,
  baseFetch: typeof fetch = fetch,
): WatchedFetch {
  let idleTimedOut = false;
  let lastHeaders: HeaderSource | undefined;
  let disposed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const watchedFetch: typeof fetch = async (input, init) => {
    const controller = new AbortController();
    const outerSignal = init?.signal ?? undefined;
    const onOuterAbort = () => controller.abort(outerSignal?.reason);
    if (outerSignal?.aborted) controller.abort(outerSignal.reason);
    else outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopTimer = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        timers.delete(timer);
        timer = undefined;
      }
    };
    const restartTimer = () => {
      stopTimer();
      if (disposed) return;
      timer = setTimeout(() => {
        idleTimedOut = true;
        controller.abort(new Error(`No data for ${idleTimeoutMs} ms`));
      }, idleTimeoutMs);
      timers.add(timer);
    };
    const finish = () => {
      stopTimer();
      outerSignal?.removeEventListener('abort', onOuterAbort);
    };

    restartTimer();
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      finish();
      throw error;
    }
    lastHeaders = response.headers;
    if (response.body === null) {
      finish();
      return response;
    }
    restartTimer();
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, streamController) {
          restartTimer();
          streamController.enqueue(chunk);
        },
        flush() {
          finish();
        },
      }),
    );
    // An abort (idle or caller) errors the source; make sure the timer stops then too.
    controller.signal.addEventListener('abort', finish, { once: true });
    return new Response(watched, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  return {
    fetch: watchedFetch,
    get idleTimedOut() {
      return idleTimedOut;
    },
    get lastHeaders() {
      return lastHeaders;
    },
    dispose() {
      // Timers must not outlive the call: a stray one would keep a CLI process alive.
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
