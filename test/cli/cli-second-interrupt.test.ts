/**
 * The CLI's Ctrl-C ladder (src/cli/follow-run.ts, `mlo run --help`): the first Ctrl-C stops a
 * consensus run with the best so far, a second one cancels it outright: status `cancelled`, even
 * though the first stop is already under way (src/core/finish-consensus.ts `finishOnStop` reads
 * the cancel before the stop). The first Ctrl-C alone is proven on the built dist/cli.js with a
 * real SIGINT in cli.test.ts, and a Ctrl-C after the run's end in
 * cli-second-interrupt-after-end.test.ts. Two real SIGINTs cannot both reach a run before it
 * ends (the first stop takes milliseconds, and the kernel merges a pending SIGINT with the
 * next), so here the whole `mlo run` (runCli: the real council, the real SDKs, the fake vendor)
 * gets its two interrupts from the CliIo, back to back, as a user's double Ctrl-C arrives.
 * Both lines are said in Japanese too, under MLO_LANG=ja (src/cli/cli-language.ts).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { VoteResult } from '../../src/core/vote-types';
import type { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/run-cli';
import { useCliLanguage } from '../../src/cli/cli-language';
import { EXIT_NOT_REACHED } from '../../src/cli/exit-codes';
import { fakeVendorEnvironment } from '../support/fake-vendor-environment';
import { useFakeVendorCli } from './support/fake-vendor-cli';

interface CapturedIo extends CliIo {
  stdout: string;
  stderr: string;
  interrupt(): void;
  waitForStderr(pattern: RegExp): Promise<void>;
}

function capturedIo(env: Record<string, string>): CapturedIo {
  const handlers = new Set<() => void>();
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const io: CapturedIo = {
    env,
    cwd: process.cwd(),
    stdout: '',
    stderr: '',
    out: async (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
      for (const waiter of [...waiters]) {
        if (!waiter.pattern.test(io.stderr)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt: () => {
      for (const handler of [...handlers]) handler();
    },
    waitForStderr: (pattern) =>
      new Promise((resolve) => {
        if (pattern.test(io.stderr)) resolve();
        else waiters.push({ pattern, resolve });
      }),
  };
  return io;
}

describe('mlo run: a second Ctrl-C (and mlo vote: the first)', function () {
  this.timeout(60_000);
  // In-process runCli: nothing to build, and only the fake's variables (no clean environment).
  const council = useFakeVendorCli('mlo-second-interrupt-', { perTest: true, build: false });
  const env = (extra: Record<string, string> = {}) =>
    fakeVendorEnvironment(council.vendor, council.dataDir, extra);

  /** `mlo run --json` with two Ctrl-Cs once round 1's review is under way (and held there). */
  async function interruptTwice(io: CapturedIo, reviewStarted: RegExp): Promise<ConsensusResult> {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    council.vendor.script({ schemaName: 'review', reply: { holdAfterFirstChunk: held } });
    try {
      const exit = runCli(['run', 'Explain the retry policy', '--json'], io);
      await io.waitForStderr(reviewStarted);
      io.interrupt();
      io.interrupt();
      assert.equal(await exit, EXIT_NOT_REACHED, io.stderr);
    } finally {
      release();
    }
    return JSON.parse(io.stdout) as ConsensusResult;
  }

  it('while the first is stopping the run, cancels it: both messages, status cancelled, exit 1, the transcript complete', async () => {
    const io = capturedIo(env());
    const result = await interruptTwice(io, /round 1: review/);
    assert.match(io.stderr, /stopping with the best so far… \(Ctrl-C again to cancel\)/);
    assert.match(io.stderr, /cancelling the run… \(Ctrl-C again to quit at once\)/);
    assert.equal(result.status, 'cancelled', `stop reason ${result.stopReason}`);
    assert.equal(result.stopReason, 'cancelled');
    const records = readFileSync(join(council.dataDir, `${result.runId}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    assert.equal(records.at(-1)?.type, 'run-finished', 'the transcript ends with the run');
  });

  it('says both interrupt lines in Japanese under MLO_LANG=ja, the --json result untranslated', async () => {
    const io = capturedIo(env({ MLO_LANG: 'ja' }));
    try {
      const result = await interruptTwice(io, /ラウンド 1: review/);
      assert.match(
        io.stderr,
        /^mlo: 現時点の最善案で終了しています…（もう一度 Ctrl-C でキャンセル）$/m,
      );
      assert.match(
        io.stderr,
        /^mlo: 実行をキャンセルしています…（もう一度 Ctrl-C ですぐに終了）$/m,
      );
      assert.doesNotMatch(io.stderr, /stopping with|cancelling the run|Ctrl-C again/);
      assert.equal(result.status, 'cancelled');
    } finally {
      // Later suites in this process get English again (runCli chose Japanese for this one).
      useCliLanguage({});
    }
  });

  it('on a vote (no best so far), the first Ctrl-C cancels it and says so: no "stopping with the best" line', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    council.vendor.script({ schemaName: 'vote_answer', reply: { holdAfterFirstChunk: held } });
    const io = capturedIo(env());
    try {
      const exit = runCli(['vote', 'Tabs or spaces?', '--json'], io);
      await io.waitForStderr(/started vote run/);
      io.interrupt();
      assert.equal(await exit, EXIT_NOT_REACHED, io.stderr);
    } finally {
      release();
    }
    assert.match(io.stderr, /^mlo: cancelling the run… \(Ctrl-C again to quit at once\)$/m);
    assert.doesNotMatch(io.stderr, /stopping with the best so far/);
    const result = JSON.parse(io.stdout) as VoteResult;
    assert.equal(result.reached, false);
  });
});
