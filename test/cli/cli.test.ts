/**
 * Issue 5 acceptance 6 and the CLI's promises: `node dist/cli.js` against the fake vendor server
 * (the real SDKs pointed at it by base URL, the simulated council answering).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { VoteResult } from '../../src/core/vote-types';
import { cleanEnvironment, ROOT, runCliProcess, startCli } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

const CANARY = 'sk-canary-cli-0123456789abcdef';
const TASK = 'Explain the retry policy\nin two sentences';

describe('mlo (dist/cli.js)', function () {
  this.timeout(120_000);
  const council = useFakeVendorCli('mlo-cli-test-', { perTest: true });
  let env: Record<string, string>;
  beforeEach(() => (env = council.env({ OPENAI_API_KEY: CANARY })));

  it('prints help, per-command help and the version', async () => {
    const help = await runCliProcess(['--help'], cleanEnvironment());
    assert.equal(help.code, 0);
    for (const command of ['run <task>', 'vote <question>', 'models', 'mcp', 'OPENAI_API_KEY']) {
      assert.ok(help.stdout.includes(command), command);
    }
    const runHelp = await runCliProcess(['run', '--help'], cleanEnvironment());
    assert.equal(runHelp.code, 0);
    assert.match(runHelp.stdout, /--participants/);
    assert.match(runHelp.stdout, /--max-rounds/);
    const version = await runCliProcess(['--version'], cleanEnvironment());
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it('exits 2 with what to fix on bad usage', async () => {
    const unknown = await runCliProcess(['frobnicate'], cleanEnvironment());
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    const badFlag = await runCliProcess(['run', 'x', '--max-rounds', '99'], env);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--max-rounds must be a whole number from 1 to 8/);
    const unknownFlag = await runCliProcess(['run', 'x', '--bogus'], env);
    assert.equal(unknownFlag.code, 2);
    assert.match(unknownFlag.stderr, /bogus/);
    const noTask = await runCliProcess(['run'], env);
    assert.equal(noTask.code, 2);
    const badProvider = await runCliProcess(
      ['run', 'x', '--participants', 'nosuchvendor:m,openai:gpt-sim'],
      env,
    );
    assert.equal(badProvider.code, 2);
    assert.match(badProvider.stderr, /Unknown provider "nosuchvendor"/);
    assert.equal(council.vendor.calls.length, 0, 'no model was called');
  });

  it('with no keys configured, exits non-zero and says which variables to set', async () => {
    const result = await runCliProcess(
      ['run', 'Say hello'],
      cleanEnvironment({ MLO_DATA_DIR: council.dataDir }),
    );
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    for (const name of [
      'OPENAI_API_KEY',
      'ANTHROPIC_API_KEY',
      'GEMINI_API_KEY',
      'MLO_PARTICIPANTS',
    ]) {
      assert.ok(result.stderr.includes(name), name);
    }
    assert.match(result.stderr, /export OPENAI_API_KEY=/);
    const models = await runCliProcess(['models'], cleanEnvironment());
    assert.equal(models.code, 2);
    assert.match(models.stderr, /export ANTHROPIC_API_KEY=/);
  });

  it("run --json prints the simulated council's product as JSON and exits 0, progress on stderr", async () => {
    const result = await runCliProcess(['run', TASK, '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as ConsensusResult;
    assert.equal(parsed.status, 'unanimous');
    assert.equal(parsed.product, 'Council answer: Explain the retry policy');
    assert.equal(parsed.singleVendor, false);
    assert.deepEqual(
      parsed.participants.map((p) => p.id),
      ['openai:gpt-sim', 'anthropic:claude-sim', 'google:gemini-sim'],
    );
    assert.match(result.stderr, /round 1: draft/);
    assert.match(result.stderr, /signals: .*converged/);
    assert.match(result.stderr, /result: unanimous/);
    // The transcript is on disk, complete, and carries no key.
    const files = readdirSync(council.dataDir);
    assert.deepEqual(files, [`${parsed.runId}.jsonl`]);
    const transcript = readFileSync(join(council.dataDir, files[0]!), 'utf8');
    assert.match(transcript.trim().split('\n').at(-1)!, /"type":"run-finished"/);
    for (const text of [transcript, result.stdout, result.stderr]) {
      assert.ok(!text.includes(CANARY), 'the key never appears');
    }
  });

  it('run --file rewrites the file content as the selection and prints the product', async () => {
    const work = mkdtempSync(join(tmpdir(), 'mlo-cli-file-'));
    try {
      const source = 'export const answer = 42;\n';
      writeFileSync(join(work, 'answer.ts'), source);
      const result = await runCliProcess(
        ['run', 'Add a doc comment', '--file', 'answer.ts', '--quiet'],
        env,
        work,
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `// council: Add a doc comment\n${source}`);
      assert.doesNotMatch(result.stderr, /round 1: draft/, '--quiet hides progress');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('labels a single-vendor run', async () => {
    const result = await runCliProcess(
      ['run', 'Name a colour', '--participants', 'openai:gpt-sim-a,openai:gpt-sim-b', '--json'],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as ConsensusResult).singleVendor, true);
    assert.match(result.stderr, /single-vendor/);
  });

  it('vote prints the winning answer, and the full result with --json', async () => {
    const plain = await runCliProcess(['vote', 'Is the retry policy safe?'], env);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout, 'Council answer: Is the retry policy safe?\n');
    assert.match(plain.stderr, /vote: reached/);
    const json = await runCliProcess(
      [
        'vote',
        'Is the retry policy safe?',
        '--participants',
        'openai:gpt-sim,anthropic:claude-sim',
        '--judge',
        'google:gemini-sim',
        '--strategy',
        'unanimous',
        '--json',
      ],
      env,
    );
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout) as VoteResult;
    assert.equal(result.reached, true);
    assert.equal(result.strategy, 'unanimous');
    assert.equal(result.judge?.id, 'google:gemini-sim');
    assert.equal(result.confidence, 1);
  });

  it('models lists the models of each provider with a key', async () => {
    const result = await runCliProcess(['models'], {
      ...env,
      ANTHROPIC_API_KEY: '',
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^openai \(OpenAI\):\n {2}openai:/m);
    assert.match(result.stdout, /^google \(Google Gemini\):\n {2}google:/m);
    assert.match(result.stdout, /^anthropic \(Anthropic\): no key \(set ANTHROPIC_API_KEY\)/m);
    const json = await runCliProcess(['models', '--json'], env);
    const report = JSON.parse(json.stdout) as { provider: string; models?: string[] }[];
    assert.deepEqual(
      report.map((entry) => entry.provider),
      ['openai', 'anthropic', 'google'],
    );
    assert.ok(report.every((entry) => (entry.models?.length ?? 0) > 0));
  });

  it('Ctrl-C stops with the best so far: status provisional with a product, exit 1, transcript kept', async () => {
    // Round 2's reviews stall after their first piece: the merged proposals exist, the run is mid-call.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reviews = 0;
    council.vendor.script({
      schemaName: 'review',
      reply: () => (++reviews > 3 ? { holdAfterFirstChunk: held } : {}),
    });
    const cli = startCli(['run', TASK, '--json'], env);
    try {
      await cli.waitForStderr(/round 2: review/);
      cli.child.kill('SIGINT');
      const result = await cli.done;
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /stopping with the best so far/);
      const parsed = JSON.parse(result.stdout) as ConsensusResult;
      assert.equal(parsed.status, 'provisional');
      assert.equal(parsed.stopReason, 'stopped');
      assert.equal(parsed.product, 'Council answer: Explain the retry policy');
      const transcript = readFileSync(join(council.dataDir, `${parsed.runId}.jsonl`), 'utf8');
      const records = transcript
        .trim()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { type: string; reason?: string; result?: ConsensusResult },
        );
      assert.equal(records.at(-1)?.type, 'run-finished');
      assert.equal(records.at(-1)?.result?.status, 'provisional');
      assert.ok(
        records.some((record) => record.type === 'call-not-needed' && record.reason === 'stopped'),
      );
    } finally {
      release();
    }
  });

  it('Ctrl-C on a vote cancels it: status cancelled, exit 1', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    council.vendor.script({ schemaName: 'vote_answer', reply: { holdAfterFirstChunk: held } });
    const cli = startCli(['vote', 'Is it safe?', '--json'], env);
    try {
      await cli.waitForStderr(/vote/);
      cli.child.kill('SIGINT');
      const result = await cli.done;
      assert.equal(result.code, 1, result.stderr);
      const parsed = JSON.parse(result.stdout) as VoteResult;
      assert.equal(parsed.reached, false);
      assert.match(parsed.error?.message ?? '', /cancelled/);
    } finally {
      release();
    }
  });
});
