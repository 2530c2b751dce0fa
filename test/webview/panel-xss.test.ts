/**
 * Issue 4, acceptance 2: hostile model output (and hostile names that end up in diff file
 * names and history titles) executes nothing and loads nothing. The test listens for script
 * effects (a global flag, dialogs), for every request the page makes, and for CSP reports.
 */
import assert from 'node:assert/strict';
import type { PanelPage } from './panel-harness';
import { usePanelBrowser } from '../support/panel-suite';
import { buildRecordedRun, RUN_ID } from './fixtures/recorded-run';
import { historyOf, snapshotWith } from './fixtures/panel-snapshots';
import type { RunEvent } from '../../src/core/run-events';

// 127.0.0.2:9 is never served: any request there shows up in page.on('request').
const REMOTE = 'http://127.0.0.2:9';
const XSS_CORPUS = [
  `<script>window.__pwned = 'script'</script>`,
  `<img src=x onerror="window.__pwned = 'img'">`,
  `<img src="${REMOTE}/remote.png">`,
  `![remote](${REMOTE}/markdown.png)`,
  `![ref][logo]`,
  ``,
  `[logo]: ${REMOTE}/reference.png`,
  ``,
  `[js](javascript:window.__pwned='js-link')`,
  `[js2](JaVaScRiPt:alert(1))`,
  `[cmd](command:workbench.action.terminal.new)`,
  `[vs](vscode://file/etc/passwd)`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[web](${REMOTE}/page) <${REMOTE}/autolink>`,
  `<a href="javascript:window.__pwned='a'">anchor</a>`,
  `<iframe src="${REMOTE}/frame"></iframe>`,
  `<svg onload="window.__pwned='svg'"><circle r="5"/></svg>`,
  `<math><mi xlink:href="javascript:window.__pwned='math'">m</mi></math>`,
  `<style>@import url(${REMOTE}/style.css); body { background: url(${REMOTE}/bg.png) }</style>`,
  `<link rel="stylesheet" href="${REMOTE}/link.css">`,
  `<details open ontoggle="window.__pwned='details'">d</details>`,
  `<object data="${REMOTE}/object"></object><embed src="${REMOTE}/embed">`,
  `<form action="${REMOTE}/form"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=${REMOTE}/meta">`,
  `<base href="${REMOTE}/">`,
  '```html\n<script>window.__pwned = "fence"</script>\n```',
  `"><img src=x onerror=alert(1)>`,
].join('\n');

const HOSTILE_NAME = `<img src=x onerror="window.__pwned='name'">"'&\n+++ b/evil`;

/** The recorded run with the corpus in every piece of model text and in the participant names. */
function hostileEvents(): RunEvent[] {
  const events = buildRecordedRun(`\n${XSS_CORPUS}\n`).events;
  return events.map((event) => {
    if (event.type !== 'run-started') return event;
    return {
      ...event,
      input: { ...event.input, task: `Task ${XSS_CORPUS}` } as typeof event.input,
      participants: event.participants.map((p, i) => ({
        ...p,
        displayName: `${HOSTILE_NAME} ${i}`,
      })),
    };
  });
}

describe('panel against hostile model output (XSS corpus)', function () {
  this.timeout(120_000);
  const chromium = usePanelBrowser();
  let panel: PanelPage;

  async function assertNothingHappened(): Promise<void> {
    await panel.page.waitForTimeout(300);
    assert.equal(
      await panel.page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
      undefined,
    );
    assert.deepEqual(panel.dialogs, []);
    const foreign = panel.requests.filter((url) => !url.startsWith(`${chromium.server.origin}/`));
    assert.deepEqual(foreign, [], 'no request may leave the panel');
    const own = new Set(panel.requests.map((url) => new URL(url).pathname));
    for (const pathname of own) {
      assert.ok(
        ['/', '/panel.js', '/panel.css', '/diff2html.min.css'].includes(pathname),
        `unexpected request ${pathname}`,
      );
    }
    // The only CSP report allowed is the toolkit's one empty inline style (README.md, "Privacy and keys").
    const violations = await panel.violations();
    for (const violation of violations) {
      assert.match(violation.directive, /^style-src/, JSON.stringify(violation));
      assert.equal(violation.sample, '', JSON.stringify(violation));
    }
    // Light DOM only: the toolkit's own shadow roots (a checkbox's check mark) are not model output.
    const foreignTags = await panel.page.evaluate(() =>
      Array.from(
        document.querySelectorAll(
          '#app :is(script, img, iframe, object, embed, form, style, link, meta, base, math, svg:not(.mini-chart), svg:not(.mini-chart) *)',
        ),
      ).map((element) => element.tagName),
    );
    assert.deepEqual(
      foreignTags.filter((tag) => !/^(line|polyline|circle|text|title)$/.test(tag)),
      [],
    );
    const app = panel.page.locator('#app');
    const handlers = await panel.page.evaluate(() =>
      Array.from(document.querySelectorAll('#app *')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `${element.tagName} ${attribute.name}`),
      ),
    );
    assert.deepEqual(handlers, []);
    const hrefs = await app
      .locator('a[href]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/i, href);
  }

  it('renders the corpus as inert text everywhere, in both diff layouts', async () => {
    panel = await chromium.open();
    await panel.snapshot(
      snapshotWith(1, { events: hostileEvents(), history: historyOf(`History ${XSS_CORPUS}`) }),
    );
    // Open every collapsed proposal and review so all of it is rendered and visible.
    await panel.page.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
    );
    // The layout toggle exists in the wide (editor-area) view; the side bar is line by line.
    await panel.page.setViewportSize({ width: 900, height: 900 });
    await panel.settle();
    await panel.page.locator('[data-testid="diff-layout-line-by-line"]').click();
    await panel.settle();
    const options = await panel.page.locator('[data-testid="diff-view"] select option').count();
    for (let index = 0; index < options; index++) {
      await panel.page.locator('[data-testid="diff-view"] select').selectOption({ index });
      await panel.settle();
    }
    await panel.page.locator('[data-testid="diff-layout-side-by-side"]').click();
    await panel.settle();
    // The code product is shown verbatim as text.
    assert.match(
      (await panel.page.locator('[data-testid="final-product"]').textContent()) ?? '',
      /<script>window\.__pwned = 'script'<\/script>/,
    );
    // The hostile names are visible as text, in cards and in the diff headers.
    assert.match(
      (await panel.page.locator('[data-testid="participant-card"]').first().textContent()) ?? '',
      /<img src=x onerror=/,
    );
    // Links kept (http only) never navigate the panel.
    const before = panel.page.url();
    const links = panel.page.locator('#app a');
    const count = Math.min(await links.count(), 6);
    for (let index = 0; index < count; index++) await links.nth(index).click();
    assert.equal(panel.page.url(), before);
    await assertNothingHappened();
    await panel.page.close();
  });

  it('stays inert when the same corpus streams in live as token deltas', async () => {
    panel = await chromium.open();
    await panel.snapshot(snapshotWith(1));
    for (const event of hostileEvents()) {
      await panel.page.evaluate((m) => window.postMessage(m, '*'), {
        type: 'run-event',
        runId: RUN_ID,
        event,
      });
    }
    await panel.settle();
    assert.equal(
      (await panel.page.locator('[data-testid="final-status"]').textContent())?.trim(),
      'majority',
    );
    await assertNothingHappened();
    await panel.page.close();
  });

  it('ignores malformed host messages', async () => {
    panel = await chromium.open();
    for (const message of [
      { type: 'snapshot', snapshot: { version: 'x' } },
      { type: 'run-event', runId: RUN_ID, event: { type: 'run-started' } },
      { type: 'eval', code: "window.__pwned = 'message'" },
      null,
      '<img src=x onerror=alert(1)>',
    ]) {
      await panel.page.evaluate((m) => window.postMessage(m, '*'), message);
    }
    await panel.settle();
    assert.equal(await panel.page.locator('[data-testid="empty-state"]').count(), 1);
    await assertNothingHappened();
    await panel.page.close();
  });
});
