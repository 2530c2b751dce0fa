import { strict as assert } from 'node:assert';
import {
  credentialsFromEnvironment,
  dataDirFromEnvironment,
  parseParticipantSpec,
  settingsFromEnvironment,
} from '../../src/app/environment-config';
import { DEFAULT_MODELS } from '../../src/providers/provider-registry';

describe('environment config (standalone mode)', () => {
  it('reads each vendor key from its variable, GOOGLE_API_KEY as the Gemini fallback', async () => {
    const credentials = credentialsFromEnvironment({
      OPENAI_API_KEY: ' sk-openai ',
      ANTHROPIC_API_KEY: '',
      GOOGLE_API_KEY: 'google-key',
      MLO_OPENROUTER_API_KEY: 'or-key',
    });
    assert.equal(await credentials.getApiKey('openai'), 'sk-openai');
    assert.equal(await credentials.getApiKey('anthropic'), undefined, 'empty means unset');
    assert.equal(await credentials.getApiKey('google'), 'google-key');
    assert.equal(await credentials.getApiKey('openrouter'), 'or-key');
    const preferred = credentialsFromEnvironment({ GEMINI_API_KEY: 'g1', GOOGLE_API_KEY: 'g2' });
    assert.equal(await preferred.getApiKey('google'), 'g1');
    assert.match(credentials.howToSetKey!('google'), /GEMINI_API_KEY \(or GOOGLE_API_KEY\)/);
    assert.match(credentials.howToSetKey!('anthropic'), /export ANTHROPIC_API_KEY=/);
  });

  it('takes participants from MLO_PARTICIPANTS, base URLs, endpoints and limits from the environment', () => {
    const settings = settingsFromEnvironment({
      MLO_PARTICIPANTS: 'openai:gpt-x, ollama:llama3.1:8b ,anthropic:claude-y',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/openai/v1',
      GEMINI_BASE_URL: 'http://127.0.0.1:1/google',
      MLO_ENDPOINTS: 'ollama=http://127.0.0.1:11434/v1,broken,openai=http://x',
      MLO_MAX_ROUNDS: '2',
      MLO_MAX_COST_USD: '0.5',
    });
    assert.deepEqual(settings.participants, [
      { provider: 'openai', model: 'gpt-x' },
      { provider: 'ollama', model: 'llama3.1:8b' },
      { provider: 'anthropic', model: 'claude-y' },
    ]);
    assert.deepEqual(settings.baseUrls, {
      openai: 'http://127.0.0.1:1/openai/v1',
      google: 'http://127.0.0.1:1/google',
    });
    assert.deepEqual(settings.compatibleEndpoints, [
      { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', apiKeyRequired: false },
    ]);
    assert.equal(settings.maxRounds, 2);
    assert.deepEqual(settings.budget, { maxCostUsd: 0.5 });
    assert.equal(settings.idleTimeoutMs, 60_000);
  });

  it('defaults to the default model of each vendor with a key, or all three when none has one', () => {
    const some = settingsFromEnvironment({ OPENAI_API_KEY: 'k', GEMINI_API_KEY: 'k' });
    assert.deepEqual(some.participants, [
      { provider: 'openai', model: DEFAULT_MODELS.openai },
      { provider: 'google', model: DEFAULT_MODELS.google },
    ]);
    assert.equal(settingsFromEnvironment({}).participants.length, 3);
    assert.equal(settingsFromEnvironment({}).maxRounds, 4);
  });

  it('parses provider:model specs and says how to write a bad one', () => {
    assert.deepEqual(parseParticipantSpec('google:gemini-x'), {
      provider: 'google',
      model: 'gemini-x',
    });
    assert.deepEqual(parseParticipantSpec('sampling'), { provider: 'sampling', model: '' });
    for (const bad of ['gpt-5', ':model', 'openai:', '']) {
      assert.throws(() => parseParticipantSpec(bad), /Write provider:model/);
    }
  });

  it('puts transcripts in MLO_DATA_DIR, else under the home folder', () => {
    assert.equal(dataDirFromEnvironment({ MLO_DATA_DIR: '/tmp/runs' }), '/tmp/runs');
    assert.match(dataDirFromEnvironment({}), /\.multi-llm-orchestration[\\/]runs$/);
  });
});
