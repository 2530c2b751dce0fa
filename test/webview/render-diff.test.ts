/**
 * The first draw of a long diff (webview/render-diff.ts): whole hunks while they fit, then the
 * start of the next one with its header's counts recomputed, and the changed lines left out
 * counted for the "Show the whole diff" button.
 */
import assert from 'node:assert/strict';
import { structuredPatch } from 'diff';
import { firstDiffLines } from '../../webview/render-diff';

function lines(count: number, mark = ''): string {
  return `${Array.from({ length: count }, (_u, i) => `line ${i}${mark}`).join('\n')}\n`;
}

describe('firstDiffLines (the first draw of a long diff)', () => {
  it('cuts one long hunk (every line changed) at the limit, its counts matching its lines', () => {
    const patch = structuredPatch('a', 'b', lines(300), lines(300, ' changed'), '', '');
    assert.equal(patch.hunks.length, 1);
    const { patch: first, hiddenChangedLines } = firstDiffLines(patch, 200);
    const [hunk] = first.hunks;
    assert.ok(hunk);
    assert.equal(hunk.lines.length, 199, 'the hunk header counts as one of the 200');
    const count = (marks: string) => hunk.lines.filter((l) => marks.includes(l[0]!)).length;
    assert.equal(hunk.oldLines, count(' -'));
    assert.equal(hunk.newLines, count(' +'));
    assert.equal(hiddenChangedLines, 600 - 199);
  });

  it('keeps whole hunks while they fit and draws a short diff whole', () => {
    const changed = lines(1000)
      .split('\n')
      .map((line, i) => (i % 50 === 0 && line ? `${line} x` : line))
      .join('\n');
    const patch = structuredPatch('a', 'b', lines(1000), changed, '', '', { context: 3 });
    assert.equal(patch.hunks.length, 20);
    const { patch: first, hiddenChangedLines } = firstDiffLines(patch, 30);
    // A hunk: its header, 3 context lines, 2 changed, 3 context (the first has no context
    // before it): 6 + 9 + 9 diff lines fit, then the header and 5 lines of the fourth hunk.
    assert.deepEqual(
      first.hunks.map((h) => h.lines.length),
      [5, 8, 8, 5],
    );
    assert.equal(hiddenChangedLines, 2 * 16);
    assert.deepEqual(firstDiffLines(patch, Number.POSITIVE_INFINITY), {
      patch,
      hiddenChangedLines: 0,
    });
  });
});
