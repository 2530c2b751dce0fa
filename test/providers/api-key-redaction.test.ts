/**
 * Acceptance 5: the API key never appears in an error (message, hint, JSON form, stack) nor in
 * what the vendor server recorded — even when the vendor echoes a masked key back, as OpenAI's
 * 401 does.
 */
import assert from 'node:assert/strict';
import {
  startFakeVendorServer,
  type Fault,
  type FakeVendorServer,
} from '../fake-vendor/fake-vendor-server';
import { createLanguageModel, listModels } from '../../src/providers/create-language-model';
import { ModelError } from '../../src/core/model-error';
import { CANARY_KEY, connectionFor, modelIdFor, VENDORS } from './support/vendor-connections';

const FAULTS: Fault[] = [
  'unauthorized',
  'insufficient-quota',
  'rate-limited',
  'server-error',
  'model-not-found',
  'bad-request',
  'silent-after-headers',
];

/** The key and any recognisable fragment of it (a masked echo keeps the first 8 and last 4). */
function leaks(text: string): string[] {
  const fragments = [CANARY_KEY, CANARY_KEY.slice(0, 8), CANARY_KEY.slice(-4), 'canary'];
  return fragments.filter((fragment) => text.includes(fragment));
}

describe('API keys stay out of errors and recorded requests', () => {
  let server: FakeVendorServer;
  before(async () => {
    server = await startFakeVendorServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  for (const vendor of VENDORS) {
    it(`${vendor}: no key fragment in any error, nor in the recorded requests`, async () => {
      const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor), {
        maxRetries: 0,
        idleTimeoutMs: 150,
      });
      for (const fault of FAULTS) {
        server.script({ vendor, times: 1, reply: { fault } });
        const error = await model
          .generate({
            system: 's',
            messages: [{ role: 'user', content: 'hi' }],
            signal: new AbortController().signal,
          })
          .then(
            () => undefined,
            (thrown: unknown) => thrown,
          );
        assert.ok(error instanceof ModelError, `${fault}: expected a ModelError`);
        const surfaces = [
          error.message,
          error.hint ?? '',
          JSON.stringify(error.toJSON()),
          String(error),
          error.stack ?? '',
        ];
        assert.deepEqual(leaks(surfaces.join('\n')), [], `${fault}: ${error.message}`);
        assert.equal(error.cause, undefined, 'no raw SDK error (with request details) attached');
      }
      const listError = await listModels(connectionFor(server, vendor)).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      assert.equal(listError, undefined);
      assert.ok(server.requests.length > FAULTS.length);
      assert.deepEqual(leaks(JSON.stringify(server.requests)), []);
      assert.ok(server.requests.every((request) => request.authSent));
    });
  }
});
