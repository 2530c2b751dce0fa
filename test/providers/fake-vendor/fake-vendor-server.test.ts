import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import {
  REDACTED,
  startFakeVendorServer,
  type FakeVendorServer,
} from '../../fake-vendor/fake-vendor-server';
import { createLanguageModel, listModels } from '../../../src/providers/create-language-model';
import { blindModelIds } from '../../fake-vendor/fake-models';
import type { ModelError } from '../../../src/core/model-error';
import { CANARY_KEY, connectionFor, modelIdFor, VENDORS } from '../support/vendor-connections';

const signal = new AbortController().signal;
const draftSchema = {
  name: 'draft',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['product', 'rationale'],
    properties: { product: { type: 'string' }, rationale: { type: 'string' } },
  },
};

describe('fake vendor server', () => {
  let server: FakeVendorServer;
  before(async () => {
    server = await startFakeVendorServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  for (const vendor of VENDORS) {
    it(`${vendor}: the simulated council drafts through the real SDK`, async () => {
      const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor));
      const response = await model.generate({
        system: 'Draft.',
        messages: [
          {
            role: 'user',
            content:
              '<task>Add logging</task>\n<selection language="ts" path="a.ts">\nrun();\n</selection>',
          },
        ],
        jsonSchema: draftSchema,
        signal,
      });
      const draft = JSON.parse(response.text) as { product: string; rationale: string };
      assert.equal(draft.product, '// council: Add logging\nrun();');
      assert.match(draft.rationale, /\(simulated\)/);
    });
  }

  for (const vendor of VENDORS) {
    it(`${vendor}: lists the schema-only models it serves, through the real SDK`, async () => {
      const listed = (await listModels(connectionFor(server, vendor))).map((model) => model.id);
      const blind = blindModelIds(vendor);
      assert.equal(blind.length, 8);
      for (const id of blind) assert.ok(listed.includes(id), `${id} listed: ${listed.join(', ')}`);
      assert.ok(listed.includes(modelIdFor(vendor)), 'the simulated models stay listed');
    });
  }

  it('records requests with credentials replaced by a marker', async () => {
    const model = createLanguageModel(connectionFor(server, 'anthropic'), 'claude-sonnet-4-6');
    await model.generate({ system: '', messages: [{ role: 'user', content: 'hi' }], signal });
    const [request] = server.calls;
    assert.ok(request);
    assert.equal(request.vendor, 'anthropic');
    assert.equal(request.path, '/anthropic/v1/messages');
    // @anthropic-ai/sdk 1.12 sends the key as a Bearer token; older ones as x-api-key.
    assert.equal(request.headers.authorization ?? request.headers['x-api-key'], REDACTED);
    assert.equal(request.authSent, true);
    assert.equal(request.stream, true);
    assert.doesNotMatch(JSON.stringify(server.requests), new RegExp(CANARY_KEY));
  });

  it('fails every call of a model whose id contains "down" with a 500', async () => {
    const model = createLanguageModel(connectionFor(server, 'openai'), 'gpt-down', {
      maxRetries: 2,
      retryBaseDelayMs: 1,
    });
    await assert.rejects(
      model.generate({ system: '', messages: [{ role: 'user', content: 'x' }], signal }),
      (error: ModelError) => error.kind === 'server' && error.status === 500,
    );
    assert.equal(server.calls.length, 3);
  });

  it('applies a rule only to the nth matching call', async () => {
    server.script({ vendor: 'google', nth: 2, reply: { text: 'second' } });
    const model = createLanguageModel(connectionFor(server, 'google'), 'gemini-3.1-pro-preview');
    const texts: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      texts.push(
        (
          await model.generate({
            system: '',
            messages: [{ role: 'user', content: '<task>T</task>' }],
            signal,
          })
        ).text,
      );
    }
    assert.deepEqual(texts, ['Council answer: T', 'second', 'Council answer: T']);
  });

  it('serves non-streaming calls in each wire format too', async () => {
    const bodies: Record<string, unknown> = {
      '/openai/v1/responses': {
        model: 'gpt-5.1',
        input: [{ role: 'user', content: '<task>Q</task>' }],
      },
      '/compat/v1/chat/completions': {
        model: 'llama3.3',
        messages: [{ role: 'user', content: '<task>Q</task>' }],
      },
      '/anthropic/v1/messages': {
        model: 'claude-sonnet-4-6',
        max_tokens: 10,
        messages: [{ role: 'user', content: '<task>Q</task>' }],
      },
      '/google/v1beta/models/gemini-3.1-pro-preview:generateContent': {
        contents: [{ role: 'user', parts: [{ text: '<task>Q</task>' }] }],
      },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /Council answer: Q/, path);
    }
  });

  it('serve.ts prints {url, baseUrls} and serves until killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fake-vendor/serve.ts', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, 'line')) as [string];
      const info = JSON.parse(line) as { url: string; baseUrls: { openai: string } };
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.baseUrls.openai, `${info.url}/openai/v1`);
      const list = await fetch(`${info.baseUrls.openai}/models`, {
        headers: { authorization: 'Bearer x' },
      });
      assert.equal(list.status, 200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
