/**
 * Credentials in a base URL (`https://user:password@host`): refused when a run is configured,
 * for a vendor and for an OpenAI-compatible endpoint alike, with a message that does not repeat
 * them; and redacted from anything the logger, the transcript store or an adapter passes on.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  redactKnownSecrets as redactSecrets,
  redactSecrets as redactVendorText,
} from '../../src/providers/common/redact-secrets';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import { EchoLanguageModel } from './support/echo-language-model';
import { baseSettings, councilOver, tempFolder } from './support/council-fixture';

const PASSWORD = 'hunter2-base-url-password';

describe('credentials in a base URL', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  for (const where of ['google', 'compatible'] as const) {
    it(`refuses a run whose ${where} base URL has user:password, without repeating them`, async () => {
      const url = `https://mlo:${PASSWORD}@127.0.0.1:9/v1`;
      const settings = baseSettings(
        where === 'google'
          ? {
              participants: [
                { provider: 'google', model: 'g' },
                { provider: 'fake', model: 'a' },
              ],
              baseUrls: { google: url },
            }
          : {
              participants: [
                { provider: 'proxy', model: 'm' },
                { provider: 'fake', model: 'a' },
              ],
              compatibleEndpoints: [
                { id: 'proxy', name: 'Proxy', baseUrl: url, apiKeyRequired: false },
              ],
            },
      );
      const { service } = councilOver(
        folder.path,
        (provider, model) =>
          provider === 'fake' ? new EchoLanguageModel(provider, model) : undefined,
        {
          settings: () => settings,
          credentials: { getApiKey: async () => 'a-key-of-some-length' },
        },
      );
      const error = await service
        .startConsensus({ input: { task: 't', outputKind: 'text' }, origin: 'cli' })
        .then(
          () => undefined,
          (thrown: unknown) => thrown as Error & { hint?: string },
        );
      assert.ok(error, 'the run was refused');
      assert.equal(error.name, 'ConfigurationError');
      assert.match(error.message, /contains a user name or password/);
      assert.ok(!`${error.message} ${error.hint}`.includes(PASSWORD));
      assert.deepEqual(readdirSync(folder.path), [], 'no transcript was started');
      service.dispose();
    });
  }

  it('is redacted from log lines, transcripts and vendor error texts', async () => {
    const echoed = `GET https://mlo:${PASSWORD}@proxy.example/v1beta/models failed: 401`;
    assert.ok(!redactSecrets(echoed).includes(PASSWORD));
    assert.ok(!redactVendorText(echoed).includes(PASSWORD));
    assert.match(redactSecrets(echoed), /https:\/\/\[redacted\]@proxy\.example/);
    const store = new JsonlTranscriptStore(folder.path);
    await store.append('r1', {
      type: 'run-failed',
      runId: 'r1',
      at: 1,
      seq: 0,
      error: { message: echoed },
    });
    assert.ok(!readFileSync(join(folder.path, 'r1.jsonl'), 'utf8').includes(PASSWORD));
  });
});
