/**
 * Issue 15 acceptance 1 and 2 through the built CLI against the fake vendor: `mlo models --json`
 * carries the lifecycle facts each vendor's list serves, a deprecated / retired / unlisted
 * participant gets a warning naming the setting, and a cost budget with an unpriced
 * participant warns before the first call and stops on the token budget instead of running
 * at "$0".
 */
import { strict as assert } from 'node:assert';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { runCliProcess } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

const TASK = 'Make this function iterative';

interface Listed {
  id: string;
  lifecycle?: string;
  shutdownDate?: string;
}

describe('mlo models lifecycle and the unpriced budget', function () {
  this.timeout(120_000);
  const council = useFakeVendorCli('mlo-models-test-', { perTest: true });
  /** The vendors' keys and URLs, no council: each test names its own, or the default one. */
  const env = (extra: Record<string, string> = {}) =>
    council.env({ MLO_PARTICIPANTS: undefined, ...extra });

  it('lists lifecycle facts and warns about deprecated, retired and unlisted participants', async () => {
    const result = await runCliProcess(
      ['models', '--json'],
      env({ MLO_PARTICIPANTS: 'openai:gpt-5.1,anthropic:claude-sonnet-4-5,google:gemini-9-nope' }),
    );
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { provider: string; models: Listed[] }[];
    const listed = (provider: string, id: string) =>
      report.find((entry) => entry.provider === provider)?.models.find((m) => m.id === id);
    // OpenAI's shutdown_date and Anthropic's lifecycle / retires_at, as the fake serves them.
    assert.deepEqual(listed('openai', 'gpt-5.1'), {
      id: 'gpt-5.1',
      lifecycle: 'deprecated',
      shutdownDate: '2027-04-01',
    });
    assert.equal(listed('openai', 'gpt-6.2-sol')?.lifecycle, undefined);
    assert.equal(listed('anthropic', 'claude-sonnet-4-6')?.lifecycle, 'deprecated');
    assert.equal(listed('anthropic', 'claude-sonnet-4-6')?.shutdownDate, '2027-01-05T00:00:00Z');
    assert.equal(listed('anthropic', 'claude-sonnet-4-5')?.lifecycle, 'retired');
    assert.equal(listed('anthropic', 'claude-sonnet-5-5')?.lifecycle, 'active');
    assert.ok(listed('google', 'gemini-4-argon'));

    assert.match(
      result.stderr,
      /openai:gpt-5\.1: OpenAI has deprecated this model; it shuts down on 2027-04-01\. Change MLO_PARTICIPANTS/,
    );
    assert.match(result.stderr, /anthropic:claude-sonnet-4-5: Anthropic has retired this model/);
    assert.match(result.stderr, /google:gemini-9-nope: Google Gemini does not list the model/);
  });

  it('the default council draws no lifecycle warning', async () => {
    const result = await runCliProcess(['models'], env());
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /warning/);
    assert.match(result.stdout, /openai:gpt-5\.1 {2}\(deprecated, shutdown 2027-04-01\)/);
  });

  it('a cost budget with unpriced participants warns first and stops on the token budget', async () => {
    const result = await runCliProcess(
      ['run', TASK, '--json'],
      env({
        MLO_MAX_COST_USD: '0.01',
        MLO_PARTICIPANTS: 'openai:gpt-unpriced-x,anthropic:claude-unpriced-y',
      }),
    );
    const warning = result.stderr.indexOf('has no known price');
    const started = result.stderr.indexOf('started consensus run');
    assert.ok(warning >= 0 && started > warning, result.stderr);
    assert.match(result.stderr, /held to a token budget of 1,000 tokens/);
    const parsed = JSON.parse(result.stdout) as ConsensusResult;
    // Before issue 15 the unpriced calls cost $0, the cost budget never tripped and the run
    // went on to its end.
    assert.equal(parsed.status, 'budget');
    assert.equal(parsed.cost.budgetHit, 'unpriced-tokens');
    assert.match(result.stderr, /stopped by: the token budget for unpriced participants/);
  });

  it('with priced models the same budget stops on cost, without an unpriced warning', async () => {
    const result = await runCliProcess(
      ['run', TASK, '--json'],
      env({
        MLO_MAX_COST_USD: '0.01',
        MLO_PARTICIPANTS: 'openai:gpt-6.2-sol,anthropic:claude-sonnet-5-5,google:gemini-4-argon',
      }),
    );
    assert.doesNotMatch(result.stderr, /no known price/);
    const parsed = JSON.parse(result.stdout) as ConsensusResult;
    assert.equal(parsed.status, 'budget');
    assert.equal(parsed.cost.budgetHit, 'cost');
    assert.ok(parsed.cost.costUsd > 0 && parsed.cost.unpricedCalls === 0);
  });
});
