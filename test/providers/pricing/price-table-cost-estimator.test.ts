import assert from 'node:assert/strict';
import { addUsage, ZERO_USAGE, type Usage } from '../../../src/core/language-model';
import { DEFAULT_MODELS } from '../../../src/providers/provider-registry';
import { costFor, createPriceTableCostEstimator } from '../../../src/providers/pricing';

describe('price table cost estimator', () => {
  const estimator = createPriceTableCostEstimator();

  it('prices every default model', () => {
    for (const [provider, model] of Object.entries(DEFAULT_MODELS)) {
      assert.ok(
        estimator.costOf(provider, model, {
          inputTokens: 1,
          outputTokens: 1,
          cachedInputTokens: 0,
        }),
        `${provider}:${model}`,
      );
    }
  });

  it('bills cached input at the cached rate and the rest at the input rate', () => {
    // gpt-5.1: $1.25 in, $0.125 cached, $10 out per million.
    const cost = estimator.costOf('openai', 'gpt-5.1', {
      inputTokens: 1_000_000,
      cachedInputTokens: 400_000,
      outputTokens: 100_000,
    });
    assert.ok(cost !== undefined);
    assert.ok(Math.abs(cost - (0.6 * 1.25 + 0.4 * 0.125 + 0.1 * 10)) < 1e-9);
  });

  it('a run costs the sum of its calls (cost is linear in usage)', () => {
    const calls: { provider: string; model: string; usage: Usage }[] = [
      {
        provider: 'openai',
        model: 'gpt-5.1',
        usage: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 0 },
      },
      {
        provider: 'anthropic',
        model: 'claude-sonnet-4-6',
        usage: { inputTokens: 5000, outputTokens: 800, cachedInputTokens: 4000 },
      },
      {
        provider: 'google',
        model: 'gemini-3.1-pro-preview',
        usage: { inputTokens: 900, outputTokens: 2500, cachedInputTokens: 100 },
      },
      {
        provider: 'openai',
        model: 'gpt-5.1',
        usage: { inputTokens: 3000, outputTokens: 100, cachedInputTokens: 2048 },
      },
    ];
    const perCall = calls.map(
      (call) => estimator.costOf(call.provider, call.model, call.usage) ?? NaN,
    );
    const sum = perCall.reduce((total, cost) => total + cost, 0);
    const openaiTotal = calls
      .filter((call) => call.provider === 'openai')
      .reduce((usage, call) => addUsage(usage, call.usage), ZERO_USAGE);
    assert.ok(
      Math.abs(
        (perCall[0] ?? 0) +
          (perCall[3] ?? 0) -
          (estimator.costOf('openai', 'gpt-5.1', openaiTotal) ?? NaN),
      ) < 1e-12,
    );
    const expected =
      (1200 * 1.25 + 300 * 10) / 1e6 +
      (1000 * 3 + 4000 * 0.3 + 800 * 15) / 1e6 +
      (800 * 2 + 100 * 0.2 + 2500 * 12) / 1e6 +
      (952 * 1.25 + 2048 * 0.125 + 100 * 10) / 1e6;
    assert.ok(Math.abs(sum - expected) < 1e-12, `${sum} vs ${expected}`);
  });

  it('user overrides win, by "provider:model" or by model; dated snapshots fall back to the alias', () => {
    const custom = createPriceTableCostEstimator({
      'openai:gpt-5.1': { input: 1, output: 1 },
      'my-local': { input: 0, output: 0 },
    });
    assert.equal(
      custom.costOf('openai', 'gpt-5.1', {
        inputTokens: 1e6,
        outputTokens: 1e6,
        cachedInputTokens: 5e5,
      }),
      2,
    );
    assert.equal(
      custom.costOf('ollama', 'my-local', {
        inputTokens: 10,
        outputTokens: 10,
        cachedInputTokens: 0,
      }),
      0,
    );
    assert.equal(
      custom.costOf('openai', 'gpt-5.1-2025-11-13', {
        inputTokens: 1e6,
        outputTokens: 0,
        cachedInputTokens: 0,
      }),
      1,
    );
  });

  it('prices come from @pydantic/genai-prices, dated and tiered', () => {
    const usage = (inputTokens: number) => ({ inputTokens, outputTokens: 0, cachedInputTokens: 0 });
    // Claude Sonnet 4.5's dated snapshot: $3 per million input tokens, $6 past 200k.
    assert.equal(estimator.costOf('anthropic', 'claude-sonnet-4-5-20250929', usage(100_000)), 0.3);
    assert.equal(estimator.costOf('anthropic', 'claude-sonnet-4-5-20250929', usage(1e6)), 6);
    // Gemini 3.1 Pro preview: $2 per million up to 200k prompt tokens, $4 above (the whole prompt).
    assert.equal(estimator.costOf('google', 'gemini-3.1-pro-preview', usage(100_000)), 0.2);
    assert.equal(estimator.costOf('google', 'models/gemini-3.1-pro-preview', usage(300_000)), 1.2);
  });

  it('a default the package does not know yet is priced from the dated supplement', () => {
    const cost = estimator.costOf('google', DEFAULT_MODELS.google, {
      inputTokens: 1e6,
      outputTokens: 1e6,
      cachedInputTokens: 0,
    });
    assert.equal(cost, 24);
  });

  it('an unknown model has no cost rather than a guess', () => {
    assert.equal(
      estimator.costOf('ollama', 'llama3.3', {
        inputTokens: 10,
        outputTokens: 10,
        cachedInputTokens: 0,
      }),
      undefined,
    );
    assert.equal(
      costFor(
        { input: 2, output: 4 },
        { inputTokens: 1e6, outputTokens: 0, cachedInputTokens: 1e6 },
      ),
      2,
    );
  });
});
