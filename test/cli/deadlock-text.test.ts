/**
 * Why a run stopped at a deadlock and its result line, in the CLI's language
 * (src/cli/deadlock-text.ts, src/cli/summary-lines.ts): in English the core's own detail
 * (src/core/detect-deadlock.ts) for every signal; in Japanese a translation with the figures as
 * data; the stop reason only where it says more than the status.
 */
import { strict as assert } from 'node:assert';
import { useCliLanguage } from '../../src/cli/cli-language';
import { deadlockText } from '../../src/cli/deadlock-text';
import { progressLine } from '../../src/cli/progress-printer';
import { resultLine } from '../../src/cli/summary-lines';
import { deadlockDetail, detectDeadlock } from '../../src/core/detect-deadlock';
import { EVERY_DEADLOCK_SIGNAL } from '../support/deadlock-measures';

const everySignal = EVERY_DEADLOCK_SIGNAL;

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('CLI: a deadlock, by signal, and the result line', () => {
  after(() => useCliLanguage({}));

  it('in English says exactly what the core says, for every signal', () => {
    useCliLanguage({ MLO_LANG: 'en' });
    for (const measure of Object.values(everySignal))
      assert.equal(deadlockText(measure, 'unused'), deadlockDetail(measure));
    assert.equal(
      deadlockText(everySignal['repeated-critique'], 'unused'),
      "The critique of round 1's merged proposals is 100% the same as that of the drafts.",
    );
  });

  it('carries the figures the core found, so the detail is said from them', () => {
    const same = 'The reviewers disagree about the colour of the sky.';
    const finding = detectDeadlock([
      { round: 0, meanScore: 5, critique: same, merged: {} },
      { round: 1, meanScore: 9, critique: same, merged: {} },
    ]);
    assert.deepEqual(finding?.measure, everySignal['repeated-critique']);
    assert.equal(finding?.detail, deadlockDetail(finding!.measure));
  });

  it('in Japanese translates every signal, with the figures as data', () => {
    useCliLanguage({ MLO_LANG: 'ja' });
    for (const measure of Object.values(everySignal)) {
      const text = deadlockText(measure, 'unused');
      assert.notEqual(text, deadlockDetail(measure));
      assert.match(text, japanese);
    }
    assert.equal(
      deadlockText(everySignal['repeated-critique'], 'unused'),
      'ラウンド 1 の統合案への批評は、下書きへの批評と 100% 同じです。',
    );
    assert.equal(
      deadlockText(everySignal['no-new-information'], 'unused'),
      '統合案はラウンド 2 から最大 1.2% しか変わっていません（2% 未満）。',
    );
    assert.equal(
      progressLine({
        type: 'deadlock',
        runId: 'r',
        at: 0,
        round: 1,
        signal: 'frozen-scores',
        detail: 'English detail',
        measure: everySignal['frozen-scores'],
      }),
      'ラウンド 1 で膠着: frozen-scores（相互評価の平均点の動きが 0.13、続いて 0.05 でした（2 ラウンド続けて 0.25 未満）。）',
    );
  });

  it('prints the English detail as it is for an event without figures', () => {
    useCliLanguage({ MLO_LANG: 'ja' });
    assert.equal(deadlockText(undefined, 'Old English detail.'), 'Old English detail.');
  });

  it('names the deadlock signal and leaves out a stop reason equal to the status', () => {
    const deadlock = {
      status: 'deadlock',
      stopReason: 'deadlock',
      deadlockSignal: 'repeated-critique',
      roundsCompleted: 1,
    } as const;
    const budget = { status: 'budget', stopReason: 'budget', roundsCompleted: 2 } as const;
    const capped = { status: 'provisional', stopReason: 'round-cap', roundsCompleted: 4 } as const;
    useCliLanguage({ MLO_LANG: 'en' });
    assert.equal(resultLine(deadlock), 'result: deadlock (repeated-critique) after 1 round(s)');
    assert.equal(
      resultLine({ ...deadlock, deadlockSignal: undefined }),
      'result: deadlock after 1 round(s)',
    );
    assert.equal(resultLine(budget), 'result: budget after 2 round(s)');
    assert.equal(resultLine(capped), 'result: provisional (round-cap) after 4 round(s)');
    useCliLanguage({ MLO_LANG: 'ja' });
    assert.equal(resultLine(deadlock), '結果: deadlock（repeated-critique）、1 ラウンド後');
    assert.equal(resultLine(budget), '結果: budget、2 ラウンド後');
    assert.equal(resultLine(capped), '結果: provisional（round-cap）、4 ラウンド後');
  });
});
