import { strict as assert } from 'node:assert';
import { ConfigurationError } from '../../src/app/configuration-error';
import { checkVoteInput, normalizeConsensusInput } from '../../src/app/normalize-run-input';
import { baseSettings } from './support/council-fixture';

describe('run input normalisation', () => {
  it('fills the round cap, thresholds and budget from the settings', () => {
    const settings = baseSettings({
      maxRounds: 3,
      thresholds: { maxScoreSpread: 2, maxTextDivergence: 0.2 },
      budget: { maxCostUsd: 1 },
    });
    const input = normalizeConsensusInput(
      { input: { task: 'Fix it', outputKind: 'text' }, origin: 'cli' },
      settings,
    );
    assert.equal(input.maxRounds, 3);
    assert.deepEqual(input.thresholds, { maxScoreSpread: 2, maxTextDivergence: 0.2 });
    assert.deepEqual(input.budget, { maxCostUsd: 1 });
  });

  it('keeps what the request says over the settings, threshold by threshold', () => {
    const settings = baseSettings({ thresholds: { maxScoreSpread: 2, maxTextDivergence: 0.2 } });
    const input = normalizeConsensusInput(
      {
        input: {
          task: 'Fix it',
          outputKind: 'text',
          maxRounds: 1,
          thresholds: { maxTextDivergence: 0.05 },
        },
        origin: 'mcp',
      },
      settings,
    );
    assert.equal(input.maxRounds, 1);
    assert.deepEqual(input.thresholds, { maxScoreSpread: 2, maxTextDivergence: 0.05 });
    assert.equal('budget' in input, false, 'no budget anywhere means none');
  });

  it('refuses an empty task or question with what to do', () => {
    assert.throws(
      () =>
        normalizeConsensusInput(
          { input: { task: '  ', outputKind: 'text' }, origin: 'cli' },
          baseSettings(),
        ),
      (error: unknown) =>
        error instanceof ConfigurationError && /task is empty/.test(error.message),
    );
    assert.throws(
      () => checkVoteInput({ question: '\n', strategy: 'majority' }),
      (error: unknown) =>
        error instanceof ConfigurationError && /question is empty/.test(error.message),
    );
    const vote = { question: 'Yes?', strategy: 'majority' } as const;
    assert.deepEqual(checkVoteInput(vote), vote);
  });
});
