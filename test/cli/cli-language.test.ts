/**
 * The CLI in English or Japanese (src/cli/cli-language.ts): the locale variables in their order,
 * help, errors, notices and a whole run's status lines in Japanese from the built dist/cli.js,
 * with --json left as it is for programs.
 */
import { strict as assert } from 'node:assert';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { cliLanguage, useCliLanguage } from '../../src/cli/cli-language';
import type { CliIo } from '../../src/cli/cli-io';
import { noticeText, stopText } from '../../src/cli/notice-text';
import { noUsableReviewsStopText } from '../../src/core/run-notices';
import { progressLine } from '../../src/cli/progress-printer';
import { runCli } from '../../src/cli/run-cli';
import { runCliProcess } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

/** Runs `mlo` in this process with only the given environment. */
async function inProcess(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env,
    cwd: process.cwd(),
    out: (text) => {
      stdout += text;
      return Promise.resolve();
    },
    err: (text) => {
      stderr += text;
    },
    onInterrupt: () => () => {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('CLI language (English, or Japanese by locale)', function () {
  this.timeout(120_000);
  // Later suites in this process get English again, whatever a test here chose.
  after(() => useCliLanguage({}));

  it('takes MLO_LANG first, then LC_ALL, LC_MESSAGES and LANG, the first one set deciding', () => {
    assert.equal(cliLanguage({}), 'en');
    assert.equal(cliLanguage({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(cliLanguage({ LANG: 'ja' }), 'ja');
    assert.equal(cliLanguage({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(cliLanguage({ MLO_LANG: 'en', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(cliLanguage({ MLO_LANG: 'ja', LANG: 'C' }), 'ja');
    assert.equal(cliLanguage({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(cliLanguage({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(cliLanguage({ MLO_LANG: '', LC_ALL: ' ', LANG: 'ja_JP' }), 'ja');
    assert.equal(cliLanguage({ LANG: 'jam' }), 'en');
  });

  it('prints help and usage errors in English by default and in Japanese for a ja locale', async () => {
    const english = await inProcess(['--help'], {});
    assert.equal(english.code, 0);
    assert.match(english.stdout, /^mlo — a council of LLMs/);
    assert.match(english.stdout, /^Usage:$/m);
    assert.match(english.stdout, /MLO_LANG/);

    const japanese = await inProcess(['--help'], { LANG: 'ja_JP.UTF-8' });
    assert.match(japanese.stdout, /^使い方:$/m);
    assert.match(japanese.stdout, /^環境変数:$/m);
    assert.ok(!japanese.stdout.includes('Usage:'));

    const voteHelp = await inProcess(['vote', '--help'], {});
    assert.match(voteHelp.stdout, /^no best so far: Ctrl-C cancels it \(not reached, exit 1;/m);
    assert.match(voteHelp.stdout, /^Ctrl-C quits at once\.$/m);
    const voteHelpJa = await inProcess(['vote', '--help'], { MLO_LANG: 'ja' });
    assert.match(
      voteHelpJa.stdout,
      /^ないため、Ctrl-C で投票をキャンセルし（不成立、終了コード 1、/m,
    );
    assert.match(voteHelpJa.stdout, /^2 回目の Ctrl-C ですぐに終了します。$/m);

    const noTask = await inProcess(['run'], { MLO_LANG: 'ja' });
    assert.equal(noTask.code, 2);
    assert.equal(
      noTask.stderr,
      'mlo: 評議会にしてほしいことを指定してください: mlo run "<task>"。\n参照: mlo run --help\n',
    );
    const unknownFlag = await inProcess(['vote', 'q', '--bogus'], { MLO_LANG: 'ja' });
    assert.match(unknownFlag.stderr, /^mlo: 不明なオプション '--bogus' です。$/m);

    const back = await inProcess(['run'], { MLO_LANG: 'en', LANG: 'ja_JP.UTF-8' });
    assert.equal(
      back.stderr,
      'mlo: Say what the council should do: mlo run "<task>".\nSee: mlo run --help\n',
    );
  });

  it('says the no-usable-reviews notice by its cause and round, in the chosen language', () => {
    useCliLanguage({ MLO_LANG: 'ja' });
    assert.match(
      noticeText({ cause: 'no-usable-reviews', round: 1 }),
      /^下書きのレビュー: ラウンド 1 で/,
    );
    assert.match(
      noticeText({ cause: 'no-usable-reviews', round: 3 }),
      /^ラウンド 2 の統合案のレビュー: ラウンド 3 で/,
    );
    assert.equal(
      noticeText({ cause: 'later-cause' as never, round: 4 }),
      'ラウンド 4（トランスクリプトを参照）',
    );
    const line = progressLine({
      type: 'notice',
      runId: 'r',
      at: 0,
      notice: {
        cause: 'no-usable-reviews',
        round: 2,
        message: 'outside text [x](command:evil)',
        hint: 'outside hint',
      },
    });
    assert.match(line!, /^通知: no-usable-reviews: ラウンド 1 の統合案のレビュー/);
    assert.ok(!line!.includes('outside text'));
    useCliLanguage({});
    assert.match(
      noticeText({ cause: 'no-usable-reviews', round: 1 }),
      /^The reviews of the drafts/,
    );
  });

  it('says why a run stopped in the words of the other surfaces, or in Japanese', () => {
    const notices = [1, 2].map((round) => ({
      cause: 'no-usable-reviews' as const,
      round,
      message: 'm',
      hint: 'h',
    }));
    const result = { stopReason: 'no-usable-reviews' as const, notices };
    useCliLanguage({});
    assert.equal(stopText(result), noUsableReviewsStopText(notices));
    useCliLanguage({ MLO_LANG: 'ja' });
    assert.match(stopText(result)!, /^ラウンド 1, 2 で使えるレビューが 1 件も届かなかったため/);
    assert.equal(stopText({ stopReason: 'converged', notices: [] }), undefined);
    useCliLanguage({});
  });

  describe('a whole run from dist/cli.js', () => {
    const council = useFakeVendorCli('mlo-cli-language-');
    const env = (extra: Record<string, string>) => council.env(extra);

    it('prints Japanese status lines on stderr and leaves the --json result untranslated', async () => {
      const result = await runCliProcess(
        ['run', 'Explain the retry policy', '--json'],
        env({ MLO_LANG: '', LANG: 'ja_JP.UTF-8' }),
      );
      assert.equal(result.code, 0, result.stderr);
      const parsed = JSON.parse(result.stdout) as ConsensusResult;
      assert.equal(parsed.status, 'unanimous');
      assert.match(result.stderr, /^mlo: consensus の実行 \S+ を開始しました。参加者: /m);
      assert.match(result.stderr, /^mlo: 結果: unanimous（\S+）、\d+ ラウンド後$/m);
      assert.match(result.stderr, /^mlo: トランスクリプト: /m);
      assert.ok(!/^mlo: (result|transcript|started): /m.test(result.stderr), result.stderr);
    });

    it('says no-usable-reviews and why the run stopped in Japanese', async () => {
      const participants =
        'openai:gpt-blind-wrong,anthropic:claude-blind-wrong,google:gemini-blind-wrong';
      const run = await runCliProcess(
        ['run', 'Explain the retry policy', '--participants', participants],
        env({ MLO_LANG: 'ja' }),
      );
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^mlo: 通知: no-usable-reviews: 下書きのレビュー: ラウンド 1 で/m);
      assert.match(run.stderr, /^mlo: 結果: provisional（no-usable-reviews）、1 ラウンド後$/m);
      assert.match(
        run.stderr,
        /^mlo: 停止: ラウンド 1, 2 で使えるレビューが 1 件も届かなかったため/m,
      );
      assert.doesNotMatch(run.stderr, /The reviews of|No usable review/);
    });

    it('prints the same run in English without a locale', async () => {
      const result = await runCliProcess(['run', 'Explain the retry policy'], env({}));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /^mlo: result: unanimous \(\S+\) after \d+ round\(s\)$/m);
      assert.match(result.stderr, /^mlo: transcript: /m);
    });
  });
});
