import assert from 'node:assert/strict';
import {
  FALLBACK_PARTICIPANTS,
  parseCouncilSettings,
  parseParticipant,
} from '../../src/extension/parse-council-settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('parseCouncilSettings (multiLlm.* as the council reads them)', () => {
  it('accepts "provider:model" strings and objects, keeping colons in model ids', () => {
    const settings = parseCouncilSettings(
      reader({
        participants: [
          'openai:gpt-5.1',
          { provider: 'ollama', model: 'llama3.3:70b', persona: 'sec', displayName: 'Llama' },
          'vscode-lm:gpt-4o',
        ],
      }),
    );
    assert.deepEqual(settings.participants, [
      { provider: 'openai', model: 'gpt-5.1' },
      { provider: 'ollama', model: 'llama3.3:70b', persona: 'sec', displayName: 'Llama' },
      { provider: 'vscode-lm', model: 'gpt-4o' },
    ]);
  });

  it('skips malformed participants and falls back to the defaults when none is left', () => {
    assert.equal(parseParticipant('no-colon'), undefined);
    assert.equal(parseParticipant(':model'), undefined);
    assert.equal(parseParticipant({ provider: 'openai' }), undefined);
    const settings = parseCouncilSettings(reader({ participants: ['bad', 42] }));
    assert.deepEqual(
      settings.participants.map((p) => `${p.provider}:${p.model}`),
      FALLBACK_PARTICIPANTS,
    );
  });

  it('clamps nothing silently: out-of-range numbers fall back to the defaults', () => {
    const settings = parseCouncilSettings(
      reader({
        maxRounds: 99,
        'thresholds.maxTextDivergence': 2,
        'thresholds.maxScoreSpread': 0.5,
        streamIdleTimeoutSeconds: 1,
      }),
    );
    assert.equal(settings.maxRounds, 4);
    assert.deepEqual(settings.thresholds, { maxScoreSpread: 0.5 });
    assert.equal(settings.idleTimeoutMs, 60_000);
  });

  it('reads base URLs, endpoints, budget and prices, and never invents a budget', () => {
    const settings = parseCouncilSettings(
      reader({
        'openai.baseUrl': 'http://127.0.0.1:9/openai/v1',
        'anthropic.baseUrl': '',
        'openaiCompatible.endpoints': [
          { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', apiKeyRequired: false },
          { id: 'broken' },
        ],
        'budget.maxCostUsd': 0.5,
        'budget.maxTotalTokens': null,
        prices: { 'openai:gpt-5.1': { input: 1.25, output: 10 }, bad: { input: 'x' } },
        maxRounds: 3,
        streamIdleTimeoutSeconds: 30,
      }),
    );
    assert.deepEqual(settings.baseUrls, { openai: 'http://127.0.0.1:9/openai/v1' });
    assert.deepEqual(settings.compatibleEndpoints, [
      { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', apiKeyRequired: false },
    ]);
    assert.deepEqual(settings.budget, { maxCostUsd: 0.5 });
    assert.deepEqual(settings.priceOverrides, { 'openai:gpt-5.1': { input: 1.25, output: 10 } });
    assert.equal(settings.maxRounds, 3);
    assert.equal(settings.idleTimeoutMs, 30_000);
    assert.equal(parseCouncilSettings(reader({})).budget, undefined);
  });
});

describe('the manifest default council', () => {
  it('is the providers’ DEFAULT_MODELS, the same council the settings fall back to', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const declared = manifest.contributes.configuration.properties['multiLlm.participants'].default;
    assert.deepEqual(declared, FALLBACK_PARTICIPANTS);
  });
});
