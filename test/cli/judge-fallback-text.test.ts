/**
 * Why a vote was grouped locally, in the CLI's language (src/cli/judge-fallback-text.ts): in
 * English the core's own line (src/core/judge-fallback.ts) for every kind; in Japanese a
 * translation with the judge's error text as data, never filled as a placeholder.
 */
import { strict as assert } from 'node:assert';
import { useCliLanguage } from '../../src/cli/cli-language';
import { judgeFallbackText } from '../../src/cli/judge-fallback-text';
import { judgeFallbackReason, type JudgeFallback } from '../../src/core/judge-fallback';

/** One of each kind: a kind added to JudgeFallback without one here fails the typecheck. */
const everyKind: { [K in JudgeFallback['kind']]: Extract<JudgeFallback, { kind: K }> } = {
  'no-judge': { kind: 'no-judge' },
  'judge-is-voter': { kind: 'judge-is-voter', judge: 'openai:gpt-x' },
  'judge-failed': { kind: 'judge-failed', judge: 'openai:gpt-x', error: 'quota {0} exceeded' },
  'incomplete-grouping': { kind: 'incomplete-grouping', judge: 'openai:gpt-x' },
};

describe('CLI: why a vote was grouped locally, by kind', () => {
  after(() => useCliLanguage({}));

  it('in English says exactly what the core says', () => {
    useCliLanguage({ MLO_LANG: 'en' });
    for (const fallback of Object.values(everyKind))
      assert.equal(judgeFallbackText(fallback), judgeFallbackReason(fallback));
  });

  it('in Japanese translates every kind, with the error text as data', () => {
    useCliLanguage({ MLO_LANG: 'ja' });
    for (const fallback of Object.values(everyKind)) {
      const text = judgeFallbackText(fallback);
      assert.notEqual(text, judgeFallbackReason(fallback));
      assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    assert.equal(
      judgeFallbackText(everyKind['judge-failed']),
      '審判が失敗しました: quota {0} exceeded',
    );
  });
});
