import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModelError } from '../../../src/core/model-error';
import { abortableDelay } from '../../../src/providers/common/abortable-delay';
import { createWatchedFetch } from '../../../src/providers/common/create-watched-fetch';
import { parseRetryAfter, parseRetryDelay } from '../../../src/providers/common/parse-retry-after';
import {
  retryDelayMs,
  withRetries,
  type RetryOptions,
} from '../../../src/providers/common/with-retries';

const headers = (values: Record<string, string>) => ({
  get: (name: string) => values[name] ?? null,
});

function failure(kind: ModelError['kind'], retryAfterMs?: number): ModelError {
  return new ModelError({
    kind,
    message: kind,
    provider: 'p',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function options(overrides: Partial<RetryOptions> = {}): RetryOptions {
  return {
    provider: 'p',
    signal: new AbortController().signal,
    maxRetries: 3,
    retryCapMs: 1_000,
    baseDelayMs: 1,
    ...overrides,
  };
}

describe('retry policy', () => {
  describe('parseRetryAfter', () => {
    it('reads retry-after-ms first, then seconds, then an HTTP date', () => {
      assert.equal(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' })), 250);
      assert.equal(parseRetryAfter(headers({ 'retry-after': '3' })), 3000);
      const now = Date.parse('2026-11-23T07:00:00Z');
      assert.equal(
        parseRetryAfter(headers({ 'retry-after': 'Mon, 23 Nov 2026 07:00:05 GMT' }), now),
        5000,
      );
      assert.equal(
        parseRetryAfter(headers({ 'retry-after': 'Mon, 23 Nov 2026 06:00:00 GMT' }), now),
        0,
      );
    });

    it('returns undefined for absent or unreadable values', () => {
      assert.equal(parseRetryAfter(headers({})), undefined);
      assert.equal(parseRetryAfter(headers({ 'retry-after': 'soon' })), undefined);
      assert.equal(parseRetryAfter(undefined), undefined);
    });

    it("reads Gemini's RetryInfo.retryDelay", () => {
      assert.equal(parseRetryDelay('{"retryDelay": "1.5s"}'), 1500);
      assert.equal(parseRetryDelay('nothing'), undefined);
    });
  });

  describe('retryDelayMs', () => {
    it('honours Retry-After up to the cap', () => {
      assert.equal(retryDelayMs(failure('rate-limited', 400), 0, options()), 400);
      assert.equal(retryDelayMs(failure('rate-limited', 60_000), 0, options()), 1_000);
    });

    it('backs off exponentially with jitter, capped', () => {
      const at = (index: number, random: number) =>
        retryDelayMs(
          failure('server'),
          index,
          options({ baseDelayMs: 100, retryCapMs: 1_000, random: () => random }),
        );
      assert.equal(at(0, 0), 50);
      assert.equal(at(0, 1), 100);
      assert.equal(at(2, 1), 400);
      assert.equal(at(10, 1), 1_000);
    });
  });

  describe('withRetries', () => {
    it('retries the retryable kinds and returns the first success', async () => {
      for (const kind of ['rate-limited', 'overloaded', 'server', 'network', 'timeout'] as const) {
        let calls = 0;
        const result = await withRetries(async () => {
          calls += 1;
          if (calls < 3) throw failure(kind);
          return 'ok';
        }, options());
        assert.equal(result, 'ok');
        assert.equal(calls, 3, kind);
      }
    });

    it('never retries auth, quota, bad request or an unknown model', async () => {
      for (const kind of [
        'auth',
        'quota',
        'bad-request',
        'model-not-found',
        'content-filter',
      ] as const) {
        let calls = 0;
        await assert.rejects(
          withRetries(async () => {
            calls += 1;
            throw failure(kind);
          }, options()),
          (error: ModelError) => error.kind === kind,
        );
        assert.equal(calls, 1, kind);
      }
    });

    it('gives up after maxRetries with the last error', async () => {
      let calls = 0;
      await assert.rejects(
        withRetries(
          async () => {
            calls += 1;
            throw failure('server');
          },
          options({ maxRetries: 2 }),
        ),
        (error: ModelError) => error.kind === 'server',
      );
      assert.equal(calls, 3);
    });

    it('an abort during the wait rejects as cancelled without another attempt', async () => {
      const controller = new AbortController();
      let calls = 0;
      const run = withRetries(
        async () => {
          calls += 1;
          throw failure('rate-limited', 60_000);
        },
        options({
          signal: controller.signal,
          retryCapMs: 60_000,
          onRetry: () => queueMicrotask(() => controller.abort()),
        }),
      );
      await assert.rejects(run, (error: ModelError) => error.kind === 'cancelled');
      assert.equal(calls, 1);
    });

    it('abortableDelay rejects at once for an aborted signal', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(
        abortableDelay(60_000, controller.signal, 'p'),
        (error: ModelError) => error.kind === 'cancelled',
      );
    });
  });
});

describe('createWatchedFetch (idle watchdog)', () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'retry-after': '4' });
      if (req.url === '/stall') {
        res.write('first');
        return; // then silence
      }
      let sent = 0;
      const timer = setInterval(() => {
        res.write(`tick${sent}\n`);
        sent += 1;
        if (sent === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 30);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('aborts a body that goes silent and says so', async () => {
    const watch = createWatchedFetch(100);
    const response = await watch.fetch(`${url}/stall`);
    await assert.rejects(response.text());
    assert.equal(watch.idleTimedOut, true);
    assert.equal(watch.lastHeaders?.get('retry-after'), '4');
    watch.dispose();
  });

  it('lets a slow but steady stream finish: each chunk resets the timer', async () => {
    // 5 chunks 30 ms apart = 150 ms in total, longer than the 100 ms idle limit.
    const watch = createWatchedFetch(100);
    const response = await watch.fetch(`${url}/steady`);
    assert.match(await response.text(), /tick4/);
    assert.equal(watch.idleTimedOut, false);
    watch.dispose();
  });

  it("passes the caller's abort through", async () => {
    const watch = createWatchedFetch(10_000);
    const controller = new AbortController();
    const response = await watch.fetch(`${url}/stall`, { signal: controller.signal });
    controller.abort();
    await assert.rejects(response.text());
    assert.equal(watch.idleTimedOut, false);
    watch.dispose();
  });
});
