/**
 * Acceptance 3: cancelling mid-stream closes the HTTP connection (the fake server sees the
 * client disconnect) within a second, and cancelling during a retry wait ends the call at once
 * without another request.
 */
import assert from 'node:assert/strict';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { createLanguageModel } from '../../src/providers/create-language-model';
import { ModelError } from '../../src/core/model-error';
import { connectionFor, modelIdFor, VENDORS } from './support/vendor-connections';

const ONE_SECOND = 1_000;

describe('cancellation', () => {
  let server: FakeVendorServer;
  before(async () => {
    server = await startFakeVendorServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  for (const vendor of VENDORS) {
    it(`${vendor}: abort mid-stream rejects as cancelled and the server sees the connection close`, async () => {
      server.script({ vendor, reply: { fault: 'stall-after-first-delta' } });
      const controller = new AbortController();
      const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor), {
        idleTimeoutMs: 30_000,
      });
      const disconnected = server.waitForDisconnect(ONE_SECOND);
      const call = model.generate({
        system: '',
        messages: [{ role: 'user', content: 'stream something' }],
        signal: controller.signal,
        onTextDelta: () => controller.abort(),
      });
      await assert.rejects(
        call,
        (error: unknown) => error instanceof ModelError && error.kind === 'cancelled',
      );
      assert.equal(
        await disconnected,
        true,
        'the fake server saw the client disconnect within 1 s',
      );
      assert.equal(server.calls[0]?.clientDisconnected, true);
    });

    it(`${vendor}: abort during a retry wait ends the call at once, with no further request`, async () => {
      // Retry-After asks for 30 s; the abort must not wait for it.
      server.script({ vendor, reply: { fault: 'rate-limited', retryAfter: '30' } });
      const controller = new AbortController();
      const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor), {
        retryCapMs: 30_000,
        onRetry: () => setTimeout(() => controller.abort(), 20),
      });
      const call = model.generate({
        system: '',
        messages: [{ role: 'user', content: 'hello' }],
        signal: controller.signal,
      });
      const outcome = await Promise.race([
        call.then(
          () => 'resolved',
          (error: unknown) => (error instanceof ModelError ? error.kind : String(error)),
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 1 s'), ONE_SECOND)),
      ]);
      assert.equal(outcome, 'cancelled');
      assert.equal(server.calls.length, 1);
    });
  }

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = createLanguageModel(connectionFor(server, 'openai'), 'gpt-5.1');
    await assert.rejects(
      model.generate({
        system: '',
        messages: [{ role: 'user', content: 'x' }],
        signal: controller.signal,
      }),
      (error: unknown) => error instanceof ModelError && error.kind === 'cancelled',
    );
    assert.equal(server.calls.length, 0);
  });
});
