/**
 * What the vendor SDKs log goes through our hosts, never their console (src/providers/common/
 * sdk-logger.ts): no console line with ANTHROPIC_LOG / OPENAI_LOG at debug, and an SDK's
 * warning reaches the model's `onSdkWarning`. (The Anthropic SDK's messages.create also
 * console.warns, on stderr, for the models its own table calls deprecated; we keep calling the
 * SDK's typed API and say deprecations once per run from the vendor's model list instead.)
 */
import assert from 'node:assert/strict';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { createLanguageModel } from '../../src/providers/create-language-model';
import { createAnthropicClient } from '../../src/providers/anthropic/anthropic-language-model';
import { createOpenAIClient } from '../../src/providers/openai/openai-language-model';
import type { ModelAdapterSettings } from '../../src/providers/common/model-adapter-settings';
import { connectionFor } from './support/vendor-connections';

const METHODS = ['log', 'info', 'debug', 'warn', 'error'] as const;

/** Runs `action` with every console method and stdout/stderr writes recorded, not printed. */
async function consoleDuring(action: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const saved = METHODS.map((method) => console[method]);
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  for (const method of METHODS)
    console[method] = (...args: unknown[]) => void lines.push(`${method}: ${args.join(' ')}`);
  const record = (stream: string) =>
    ((chunk: unknown) => {
      lines.push(`${stream}: ${String(chunk)}`);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = record('stdout');
  process.stderr.write = record('stderr');
  try {
    await action();
  } finally {
    METHODS.forEach((method, index) => (console[method] = saved[index]!));
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return lines;
}

function settings(onSdkWarning: (message: string) => void): ModelAdapterSettings {
  return {
    identity: { providerId: 'anthropic', displayName: 'Anthropic', secrets: [] },
    apiKey: 'sk-test',
    baseUrl: 'http://127.0.0.1:1',
    idleTimeoutMs: 1000,
    retry: { maxRetries: 0, retryCapMs: 0, baseDelayMs: 0 },
    onSdkWarning,
  };
}

describe('vendor SDK logging goes through the host', () => {
  let server: FakeVendorServer;
  const savedEnv = { ANTHROPIC_LOG: process.env.ANTHROPIC_LOG, OPENAI_LOG: process.env.OPENAI_LOG };
  before(async () => {
    server = await startFakeVendorServer();
    process.env.ANTHROPIC_LOG = 'debug';
    process.env.OPENAI_LOG = 'debug';
  });
  after(async () => {
    for (const [name, value] of Object.entries(savedEnv))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    await server.close();
  });
  beforeEach(() => server.reset());

  for (const vendor of ['anthropic', 'openai'] as const) {
    it(`${vendor}: a call prints nothing, with ${vendor.toUpperCase()}_LOG=debug`, async () => {
      const modelId = vendor === 'anthropic' ? 'claude-sonnet-5-5' : 'gpt-6.2-sol';
      server.script({ vendor, reply: { text: 'Quiet.' } });
      const warned: string[] = [];
      const model = createLanguageModel(connectionFor(server, vendor), modelId, {
        onSdkWarning: (message) => warned.push(message),
      });
      let text = '';
      const printed = await consoleDuring(async () => {
        text = (
          await model.generate({
            system: '',
            messages: [{ role: 'user', content: 'Hi' }],
            signal: new AbortController().signal,
          })
        ).text;
      });
      assert.equal(text, 'Quiet.');
      assert.deepEqual(printed, []);
      assert.deepEqual(warned, []);
    });
  }

  it("the SDKs' warnings and errors reach onSdkWarning; their info and debug go nowhere", async () => {
    const warned: string[] = [];
    const clients = [
      await createAnthropicClient(settings((message) => warned.push(`anthropic ${message}`))),
      await createOpenAIClient(settings((message) => warned.push(`openai ${message}`))),
    ];
    const printed = await consoleDuring(async () => {
      for (const client of clients) {
        assert.equal(client.logLevel, 'warn');
        client.logger.warn('careful');
        client.logger.error('broken');
        client.logger.info('chatty');
        client.logger.debug('noisy');
      }
    });
    assert.deepEqual(printed, []);
    assert.deepEqual(warned, [
      'anthropic careful',
      'anthropic broken',
      'openai careful',
      'openai broken',
    ]);
  });
});
