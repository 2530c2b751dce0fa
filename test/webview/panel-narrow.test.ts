/**
 * Narrow first: at the side bar's default width (about 300 px) and at 280 px, nothing in a
 * finished 3-participant, 3-round run (scores, signals, chart, diff, final, every section
 * opened) makes the page scroll sideways or sticks out of the view; long code scrolls inside
 * its own block. The same run in the wide editor-area view offers side by side. Screenshots go
 * to test-artifacts/webview/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { PanelPage } from './panel-harness';
import { usePanelBrowser } from '../support/panel-suite';
import { buildRecordedRun } from './fixtures/recorded-run';
import { snapshotWith } from './fixtures/panel-snapshots';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webview');
const LONG_LINE = `const veryLongIdentifierName = ${'"a-very-long-string-literal-" + '.repeat(12)}"end";\n`;

/**
 * Elements sticking out of the viewport, except inside a block that scrolls on its own. A
 * string, so the test runner's transpiler adds no helpers to the code run in the page.
 */
const FIND_OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) {
    found.push('document: scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width);
  }
  if (document.body.scrollWidth > document.body.clientWidth) {
    found.push('body: scrollWidth ' + document.body.scrollWidth + ' > ' + document.body.clientWidth);
  }
  function scrollsItself(element) {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      const overflow = getComputedStyle(e).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  }
  for (const element of Array.from(document.querySelectorAll('#app *'))) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 0.5 && !scrollsItself(element)) {
      const id = element.getAttribute('data-testid') || String(element.className);
      found.push(element.tagName.toLowerCase() + '.' + id + ' right=' + Math.round(box.right));
    }
  }
  return found.slice(0, 20);
})()`;

async function overflowing(panel: PanelPage): Promise<string[]> {
  return panel.page.evaluate(FIND_OVERFLOW) as Promise<string[]>;
}

describe('panel narrow first (Chromium)', function () {
  this.timeout(180_000);
  const chromium = usePanelBrowser({ artifacts: ARTIFACTS });
  const events = buildRecordedRun(undefined, 3).events.map((event) =>
    // A long code line in the final product and a proposal: it must scroll inside its block.
    event.type === 'proposal' && event.proposal.round === 3
      ? { ...event, proposal: { ...event.proposal, product: event.proposal.product + LONG_LINE } }
      : event,
  );

  for (const width of [280, 300]) {
    it(`has no horizontal overflow at ${width} px, every section open and every diff shown`, async () => {
      const panel = await chromium.open('en', { viewport: { width, height: 800 } });
      await panel.snapshot(snapshotWith(1, { events }));
      assert.equal(await panel.page.locator('[data-testid="score-matrix"]').count(), 3);
      await panel.page.evaluate(() =>
        document
          .querySelectorAll('details')
          .forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      await panel.settle();
      assert.deepEqual(await overflowing(panel), [], 'with every section open');
      // Narrow: line by line only, no side-by-side toggle.
      assert.equal(await panel.page.locator('[data-testid="diff-layout-side-by-side"]').count(), 0);
      const select = panel.page.locator('[data-testid="diff-view"] select');
      const options = await select.locator('option').count();
      assert.ok(options >= 7, `${options} comparisons`);
      for (let index = 0; index < options; index++) {
        await select.selectOption({ index });
        await panel.settle();
        assert.ok((await panel.page.locator('.d2h-file-diff').count()) > 0);
        assert.deepEqual(await overflowing(panel), [], `with comparison ${index} shown`);
      }
      if (width === 300) {
        await select.selectOption({ index: 0 });
        await panel.settle();
        await panel.page.screenshot({
          path: path.join(ARTIFACTS, 'narrow-300.png'),
          fullPage: true,
        });
        await panel.page.screenshot({ path: path.join(ARTIFACTS, 'narrow-300-first-screen.png') });
      }
      assert.deepEqual(panel.consoleErrors, []);
      await panel.page.close();
    });
  }

  it('shows status, round timeline and every score trend in the first 300 × 800 screen', async () => {
    const panel = await chromium.open('en', { viewport: { width: 300, height: 800 } });
    await panel.snapshot(snapshotWith(1, { events: buildRecordedRun().events }));
    const inFirstScreen = async (selector: string): Promise<boolean[]> =>
      panel.page.locator(selector).evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= 800;
        }),
      );
    assert.deepEqual(await inFirstScreen('[data-testid="run-status"]'), [true]);
    assert.deepEqual(await inFirstScreen('[data-testid="timeline"]'), [true]);
    assert.deepEqual(await inFirstScreen('[data-testid="score-trend"]'), [true, true, true]);
    const timeline = (await panel.page.locator('[data-testid="timeline"]').innerText()).replace(
      /\s+/g,
      ' ',
    );
    // Round 1 scores received (6.5, 8.2, 6.5), round 2 (8.5, 9, 9), each round's decisive signal.
    assert.match(timeline, /GPT-5\.1 6\.5 → 8\.5 ✎✓ 6\.5 ⇄✓ 8\.5/);
    assert.match(timeline, /Gemini 2\.5 Pro ⚑ 6\.5 → 9\.0 ✎✓ 6\.5 ⇄✓ 9\.0/);
    assert.match(timeline, /Decisive room: major \(needs ≤ minor\) converged/);
    // Each trend reads at a glance: first to last score as text, a sparkline of real size.
    const trends = panel.page.locator('[data-testid="score-trend"]');
    assert.deepEqual(
      (await trends.allInnerTexts()).map((text) => text.trim()),
      ['6.5 → 8.5', '8.2 → 9.0', '6.5 → 9.0'],
    );
    for (const box of await trends
      .locator('svg')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width)))
      assert.ok(box >= 60, `sparkline ${box} px wide`);
    assert.match(
      (await trends.first().locator('svg').getAttribute('aria-label')) ?? '',
      /6\.50, 8\.50/,
    );
    assert.deepEqual(await overflowing(panel), []);
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'glance-300x800.png') });
    await panel.page.close();
  });

  it('shows the same run wide in the editor view, with side by side', async () => {
    const panel = await chromium.open('en', {
      view: 'editor',
      viewport: { width: 1200, height: 900 },
    });
    await panel.snapshot(snapshotWith(1, { events }));
    assert.equal(await panel.page.locator('[data-testid="open-in-editor-button"]').count(), 0);
    await panel.page.locator('[data-testid="diff-layout-side-by-side"]').click();
    await panel.settle();
    assert.ok((await panel.page.locator('.d2h-file-side-diff').count()) > 0);
    assert.deepEqual(await overflowing(panel), []);
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'editor-view.png'), fullPage: true });
    await panel.page.close();

    const sidebar = await chromium.open();
    await sidebar.snapshot(snapshotWith(1, { events }));
    await sidebar.page.locator('[data-testid="open-in-editor-button"]').click();
    assert.deepEqual((await sidebar.posted()).at(-1), { type: 'open-in-editor' });
    await sidebar.page.close();
  });
});
