/**
 * Issue 15 acceptance 3: a participant's reasoning effort reaches the vendor in the vendor's own
 * field, through the real SDKs, as the fake vendor records the request body; and no parameter
 * goes to a model that rejects it (Claude 5 models answer 400 to a non-default temperature).
 */
import { strict as assert } from 'node:assert';
import { parseParticipantSpec } from '../../src/app/environment-config';
import { parseParticipant } from '../../src/extension/parse-council-settings';
import { createLanguageModel } from '../../src/providers/create-language-model';
import { DEFAULT_MODELS } from '../../src/providers/provider-registry';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { connectionFor } from './support/vendor-connections';

function bodyOf(server: FakeVendorServer): Record<string, unknown> {
  const call = server.calls.at(-1);
  assert.ok(call, 'the vendor got a call');
  return call.body as Record<string, unknown>;
}

async function callOnce(
  server: FakeVendorServer,
  vendor: 'openai' | 'anthropic' | 'google',
  effort: 'low' | 'high' | 'max' | undefined,
  temperature?: number,
) {
  const model = createLanguageModel(connectionFor(server, vendor), DEFAULT_MODELS[vendor], {
    maxRetries: 0,
    ...(effort === undefined ? {} : { effort }),
  });
  await model.generate({
    system: 'Be brief.',
    messages: [{ role: 'user', content: 'Say hello.' }],
    signal: new AbortController().signal,
    ...(temperature === undefined ? {} : { temperature }),
  });
  return bodyOf(server);
}

describe('reasoning effort per participant', function () {
  this.timeout(60_000);
  let server: FakeVendorServer;
  before(async () => {
    server = await startFakeVendorServer();
  });
  beforeEach(() => server.reset());
  after(async () => server?.close());

  it('OpenAI: reasoning.effort on the Responses request', async () => {
    const body = await callOnce(server, 'openai', 'high');
    assert.deepEqual(body.reasoning, { effort: 'high' });
    assert.equal('reasoning' in (await callOnce(server, 'openai', undefined)), false);
  });

  it('Anthropic: output_config.effort, and no temperature to a Claude 5 model', async () => {
    const body = await callOnce(server, 'anthropic', 'low', 0.2);
    assert.deepEqual(body.output_config, { effort: 'low' });
    assert.equal('temperature' in body, false);
    assert.equal('thinking' in body, false, 'adaptive thinking is the default; no manual budget');
  });

  it('Gemini: generationConfig.thinkingConfig.thinkingLevel, never thinkingBudget', async () => {
    const body = await callOnce(server, 'google', 'max');
    const config = body.generationConfig as Record<string, unknown>;
    assert.deepEqual(config.thinkingConfig, { thinkingLevel: 'HIGH' });
  });

  it('is written as provider:model@effort or as the effort field of a participant object', () => {
    assert.deepEqual(parseParticipantSpec('openai:gpt-6.2-sol@high'), {
      provider: 'openai',
      model: 'gpt-6.2-sol',
      effort: 'high',
    });
    // An "@" that is not an effort level stays part of the model id.
    assert.deepEqual(parseParticipantSpec('anthropic:claude-x@20250929'), {
      provider: 'anthropic',
      model: 'claude-x@20250929',
    });
    assert.equal(parseParticipant('google:gemini-4-argon@low')?.effort, 'low');
    assert.equal(
      parseParticipant({ provider: 'anthropic', model: 'claude-sonnet-5-5', effort: 'max' })
        ?.effort,
      'max',
    );
    assert.equal(
      parseParticipant({ provider: 'anthropic', model: 'claude-sonnet-5-5', effort: 'huge' })
        ?.effort,
      undefined,
    );
  });
});
