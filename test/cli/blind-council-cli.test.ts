/**
 * `node dist/cli.js run` against the schema-only simulated council (models that know nothing of
 * our prompts; test/fake-vendor/schema-only-council.ts), on a prose task and on a code selection.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { buildCliOnce, cleanEnvironment, runCliProcess } from './support/cli-process';

describe('mlo run against the schema-only simulated council', function () {
  this.timeout(120_000);
  let vendor: FakeVendorServer;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    buildCliOnce();
    vendor = await startFakeVendorServer();
    dataDir = mkdtempSync(join(tmpdir(), 'mlo-cli-blind-'));
    env = cleanEnvironment({
      OPENAI_API_KEY: 'sk-test-openai',
      OPENAI_BASE_URL: vendor.baseUrls.openai,
      ANTHROPIC_API_KEY: 'sk-test-anthropic',
      ANTHROPIC_BASE_URL: vendor.baseUrls.anthropic,
      GEMINI_API_KEY: 'test-gemini-key',
      GEMINI_BASE_URL: vendor.baseUrls.google,
      MLO_PARTICIPANTS: 'openai:gpt-blind,anthropic:claude-blind,google:gemini-blind',
      MLO_DATA_DIR: dataDir,
    });
  });
  after(async () => {
    await vendor?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('converges on a prose task and on a code selection, with scores in every round', async () => {
    const file = join(dataDir, 'first.ts');
    writeFileSync(file, 'export function first(a: number[]) {\n  return a[0];\n}\n');
    for (const args of [
      ['run', 'Explain the retry policy in two sentences', '--json'],
      ['run', 'Handle the empty array', '--file', file, '--json'],
    ]) {
      const run = await runCliProcess(args, env);
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
      env,
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
