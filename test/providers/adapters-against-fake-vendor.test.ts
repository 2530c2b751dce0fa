/**
 * Acceptance 1: each adapter, through its real SDK, against the fake vendor server: plain text,
 * deltas that arrive before the end of the stream, and a structured review validated with zod.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { createLanguageModel, listModels } from '../../src/providers/create-language-model';
import {
  connectionFor,
  modelIdFor,
  REVIEW_JSON_SCHEMA,
  REVIEW_PROMPT,
  VENDORS,
} from './support/vendor-connections';

const reviewSchema = z.object({
  reviews: z.array(
    z.object({
      label: z.string(),
      score: z.number().int().min(1).max(10),
      critique: z.array(z.string()),
      suggestions: z.array(z.string()),
      majorIssues: z.number().int().min(0),
      agreementOutlook: z.enum(['agree', 'close', 'far']),
    }),
  ),
  improvementRoom: z.enum(['none', 'minor', 'major']),
});

describe('provider adapters against the fake vendor server', () => {
  let server: FakeVendorServer;
  before(async () => {
    server = await startFakeVendorServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  for (const vendor of VENDORS) {
    describe(vendor, () => {
      it('returns plain text with usage and sends the key', async () => {
        server.script({
          vendor,
          reply: {
            text: 'Hello from the fake vendor.',
            usage: { inputTokens: 42, outputTokens: 7, cachedInputTokens: 10 },
          },
        });
        const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor));
        const response = await model.generate({
          system: 'Be brief.',
          messages: [{ role: 'user', content: 'Say hello.' }],
          signal: new AbortController().signal,
        });
        assert.equal(response.text, 'Hello from the fake vendor.');
        assert.equal(response.finishReason, 'stop');
        assert.deepEqual(response.usage, {
          inputTokens: 42,
          outputTokens: 7,
          cachedInputTokens: 10,
        });
        const call = server.calls[0];
        assert.ok(call);
        assert.equal(call.model, modelIdFor(vendor));
        assert.equal(call.authSent, true);
        assert.match(JSON.stringify(call.body), /Be brief\./);
      });

      it('streams deltas before the stream ends', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        server.script({
          vendor,
          reply: { text: 'one two three four five six', chunkSize: 4, holdAfterFirstChunk: gate },
        });
        const deltas: string[] = [];
        const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor));
        // The server withholds the rest until the first delta reached us: a buffered adapter
        // would never see it, and this test would time out.
        const response = await model.generate({
          system: '',
          messages: [{ role: 'user', content: 'count' }],
          signal: new AbortController().signal,
          onTextDelta: (delta) => {
            deltas.push(delta);
            release();
          },
        });
        assert.equal(deltas[0], 'one ');
        assert.ok(deltas.length >= 5, `expected several deltas, got ${deltas.length}`);
        assert.equal(deltas.join(''), response.text);
        assert.equal(response.text, 'one two three four five six');
      });

      it('returns a structured review that zod accepts', async () => {
        const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor));
        const response = await model.generate({
          system: 'You review proposals.',
          messages: [{ role: 'user', content: REVIEW_PROMPT }],
          jsonSchema: REVIEW_JSON_SCHEMA,
          signal: new AbortController().signal,
        });
        const review = reviewSchema.parse(JSON.parse(response.text));
        assert.deepEqual(
          review.reviews.map((entry) => entry.label),
          ['Proposal A', 'Proposal B'],
        );
        assert.equal(
          server.calls[0]?.schemaName,
          'review',
          'the schema reached the vendor in its JSON mode',
        );
        assert.ok(response.usage.outputTokens > 0);
      });

      it('lists models', async () => {
        const models = await listModels(connectionFor(server, vendor));
        assert.ok(models.length >= 2);
        if (vendor !== 'openai-compatible') {
          assert.ok(models.some((model) => model.id === modelIdFor(vendor)));
        }
      });
    });
  }

  it('sends no credential to a keyless OpenAI-compatible endpoint', async () => {
    const model = createLanguageModel(
      {
        kind: 'openai-compatible',
        providerId: 'ollama',
        baseUrl: server.baseUrls.openaiCompatible,
      },
      'llama3.3',
    );
    await model.generate({
      system: '',
      messages: [{ role: 'user', content: 'hi' }],
      signal: new AbortController().signal,
    });
    assert.equal(server.calls[0]?.authSent, false);
  });

  it('fails a vendor model without a key as auth, naming the command and variable, without calling', async () => {
    const model = createLanguageModel(
      { kind: 'anthropic', providerId: 'anthropic', baseUrl: server.baseUrls.anthropic },
      'claude-sonnet-4-6',
    );
    await assert.rejects(
      model.generate({
        system: '',
        messages: [{ role: 'user', content: 'hi' }],
        signal: new AbortController().signal,
      }),
      (error: { kind: string; message: string }) =>
        error.kind === 'auth' &&
        /Set API Key/.test(error.message) &&
        /ANTHROPIC_API_KEY/.test(error.message),
    );
    assert.equal(server.calls.length, 0);
  });
});
