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

type Timer = ReturnType<typeof setTimeout>;

export function createWatchedFetch(
  idleTimeoutMs: number,
  baseFetch: typeof fetch = fetch,
): WatchedFetch {
  let idleTimedOut = false;
  let lastHeaders: HeaderSource | undefined;
  let disposed = false;
  const timers = new Set<Timer>();

  const watchedFetch: typeof fetch = async (input, init) => {
    const controller = new AbortController();
    const unlink = followAbort(init?.signal ?? undefined, controller);
    const timer = idleTimer(
      timers,
      idleTimeoutMs,
      () => disposed,
      () => {
        idleTimedOut = true;
        controller.abort(new Error(`No data for ${idleTimeoutMs} ms`));
      },
    );
    const finish = () => {
      timer.stop();
      unlink();
    };

    timer.restart();
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
    timer.restart();
    // An abort (idle or caller) errors the source; make sure the timer stops then too.
    controller.signal.addEventListener('abort', finish, { once: true });
    return withWatchedBody(response, response.body, timer.restart, finish);
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

/** Aborts `controller` with the caller's signal; returns the unlink. */
function followAbort(outer: AbortSignal | undefined, controller: AbortController): () => void {
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return () => outer?.removeEventListener('abort', onOuterAbort);
}

/** One request's idle timer, kept in `timers` while it runs; never restarted once disposed. */
function idleTimer(
  timers: Set<Timer>,
  idleTimeoutMs: number,
  disposed: () => boolean,
  onIdle: () => void,
): { restart: () => void; stop: () => void } {
  let timer: Timer | undefined;
  const stop = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
    timer = undefined;
  };
  const restart = () => {
    stop();
    if (disposed()) return;
    timer = setTimeout(onIdle, idleTimeoutMs);
    timers.add(timer);
  };
  return { restart, stop };
}

/** The response with its body passed through: each chunk restarts the timer, the end finishes. */
function withWatchedBody(
  response: Response,
  body: ReadableStream<Uint8Array>,
  onChunk: () => void,
  onEnd: () => void,
): Response {
  const watched = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, streamController) {
        onChunk();
        streamController.enqueue(chunk);
      },
      flush() {
        onEnd();
      },
    }),
  );
  return new Response(watched, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
