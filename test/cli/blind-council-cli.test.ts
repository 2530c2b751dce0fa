/**
 * `node dist/cli.js run` against the schema-only simulated council (models that know nothing of
 * our prompts; test/fake-vendor/schema-only-council.ts), on a prose task and on a code selection.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { fakeCouncil } from '../support/fake-vendor-environment';
import { runCliProcess } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

describe('mlo run against the schema-only simulated council', function () {
  this.timeout(120_000);
  const council = useFakeVendorCli('mlo-cli-blind-');
  const env = () => council.env({ MLO_PARTICIPANTS: fakeCouncil('blind') });

  it('converges on a prose task and on a code selection, with scores in every round', async () => {
    const file = join(council.dataDir, 'first.ts');
    writeFileSync(file, 'export function first(a: number[]) {\n  return a[0];\n}\n');
    for (const args of [
      ['run', 'Explain the retry policy in two sentences', '--json'],
      ['run', 'Handle the empty array', '--file', file, '--json'],
    ]) {
      const run = await runCliProcess(args, env());
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /does not list the model/);
      const result = JSON.parse(run.stdout) as ConsensusResult;
      assert.ok(['unanimous', 'majority'].includes(result.status), result.status);
      assert.ok(result.signals.length > 0);
      for (const signals of result.signals) assert.equal(typeof signals.scoreSpread, 'number');
    }
  });

  it('says no-usable-reviews with what to do when every review is unusable', async () => {
    const run = await runCliProcess(
      [
        'run',
        'Name a colour',
        '--participants',
        'openai:gpt-blind-wrong,anthropic:claude-blind-wrong,google:gemini-blind-wrong',
      ],
      env(),
    );
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, /does not list the model/);
    assert.match(
      run.stderr,
      /notice: no-usable-reviews: The reviews of the drafts: no usable review arrived/,
    );
    assert.match(run.stderr, /structured output/);
    assert.match(run.stderr, /mlo: result: provisional \(no-usable-reviews\) after 1 round\(s\)/);
    assert.match(
      run.stderr,
      /mlo: stopped: No usable review arrived in rounds 1, 2, so the council could not score its proposals and stopped: this is not a deadlock/,
    );
    assert.doesNotMatch(run.stderr, /frozen-scores|no-new-information|deadlock in round/);
  });
});
