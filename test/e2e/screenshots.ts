/**
 * `npm run screenshots`: the README's screenshots, taken the way a new user meets the demo. A
 * fresh `npm run dev` profile (scripts/dev.mjs: the packaged extension in code-server, the
 * simulated council, no key), the Council view at the side bar's default width, a click on "Try
 * with simulated participants", then the debate in round 1, round 2 and its end, and the same
 * run in the wide editor-area view, then Apply into the untitled sample. Saved as
 * docs/images/*.png; it also checks at 300 px and 280 px that the finished run does not scroll
 * sideways and that Apply wrote the result, and prints what it saw (`npm run screenshots`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { PROJECT_ROOT, freePort } from '../../scripts/code-server-launcher.mjs';
import { startDev } from '../../scripts/dev.mjs';
import { CHROMIUM_FLAGS } from './support/e2e-session';
import { byTestId, findPanelFrame, runCommand } from './support/workbench';

const IMAGES = join(PROJECT_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 860 };
const SIDEBAR = '.part.sidebar';
const SIDEBAR_VIEW = 'body[data-view="sidebar"] [data-testid]';
const EDITOR_VIEW = 'body[data-view="editor"] [data-testid]';

function log(message: string): void {
  process.stderr.write(`[screenshots] ${message}\n`);
}

/** Seconds since the click, for the report. */
function since(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

async function runStatus(frame: Frame): Promise<string> {
  return (await byTestId(frame, 'run-status').first().textContent())?.trim() ?? '';
}

/** Waits until every card streams `phase` ("review · R1") with at least `chars` characters. */
async function waitForCards(frame: Frame, phase: string, chars: number): Promise<void> {
  await frame.waitForFunction(
    ([label, min]) => {
      const cards = [...document.querySelectorAll('[data-testid="participant-card"]')];
      return (
        cards.length > 0 &&
        cards.every(
          (card) =>
            (card.querySelector('.participant-meta')?.textContent ?? '').includes(label) &&
            (card.querySelector('[data-testid="participant-stream"]')?.textContent ?? '').length >=
              min,
        )
      );
    },
    [phase, chars] as const,
    { timeout: 60_000 },
  );
}

/** Logs every change of the status line until the run ends; resolves with the changes. */
function recordStatus(frame: Frame, started: number): Promise<string[]> {
  return (async () => {
    const seen: string[] = [];
    for (;;) {
      const status = await runStatus(frame).catch(() => '');
      if (status && status !== seen[seen.length - 1]?.replace(/^\S+ s /, '')) {
        seen.push(`${since(started)} ${status}`);
        log(seen[seen.length - 1]!);
      }
      if (/^Finished|^Failed|^Cancelled/.test(status)) return seen;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
}

/** Drags the side bar's edge until it is `width` px wide. */
async function resizeSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator(SIDEBAR).boundingBox();
  if (!box) throw new Error('no side bar');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width + 1, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(500);
}

async function sideBarWidth(page: Page): Promise<number> {
  return Math.round((await page.locator(SIDEBAR).boundingBox())?.width ?? 0);
}

/** Document-level sideways scroll of the webview (acceptance 2 of issue 17). */
async function horizontalOverflow(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const root = document.documentElement;
    return `scrollWidth ${root.scrollWidth}, clientWidth ${root.clientWidth}`;
  });
}

async function overflows(frame: Frame): Promise<boolean> {
  return frame.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

async function shootSideBar(page: Page, name: string): Promise<string> {
  const file = join(IMAGES, `${name}.png`);
  await page.locator(SIDEBAR).screenshot({ path: file });
  log(`saved ${file}`);
  return file;
}

async function openWorkbench(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
  const council = page.locator('.activitybar .action-label[aria-label^="Multi-LLM Council"]');
  await council.waitFor({ state: 'attached', timeout: 120_000 });
  await council.click();
  // Away from the activity bar, so its tooltip does not cover the panel.
  await page.mouse.move(VIEWPORT.width - 200, VIEWPORT.height / 2);
  const frame = await findPanelFrame(page, 60_000, SIDEBAR_VIEW);
  await byTestId(frame, 'try-simulated-button').waitFor({ state: 'visible' });
  // Let the provider list and fonts settle before the first picture.
  await page.waitForTimeout(1000);
  return frame;
}

/** The debate from the click to its end, one picture per stage. */
async function watchDebate(page: Page, frame: Frame): Promise<void> {
  await shootSideBar(page, 'sidebar-empty');
  const started = Date.now();
  await byTestId(frame, 'try-simulated-button').click();
  const statuses = recordStatus(frame, started);
  await waitForCards(frame, 'review · R1', 150);
  await shootSideBar(page, 'sidebar-round-1');
  await waitForCards(frame, 'merge · R2', 300);
  await shootSideBar(page, 'sidebar-round-2');
  await byTestId(frame, 'final-status').waitFor({ state: 'attached', timeout: 120_000 });
  await statuses;
  log(`finished after ${since(started)}`);
  await page.waitForTimeout(500);
  await shootSideBar(page, 'sidebar-final');
  log('accepted critiques:');
  await logConcessions(frame);
}

/** What the finished run says happened: the critiques each merge accepted, per round. */
async function logConcessions(frame: Frame): Promise<void> {
  // Closed sections are drawn when opened: open the proposals, read, close them again.
  const setOpen = (open: boolean) =>
    frame.evaluate((value) => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>('details.proposal')) {
        details.open = value;
      }
    }, open);
  await setOpen(true);
  await frame.waitForTimeout(500);
  const accepted = await frame.evaluate(() =>
    [...document.querySelectorAll('details[data-key] li')]
      .filter((item) => (item.textContent ?? '').trim().startsWith('Accepted:'))
      .map((item) => {
        const key = item.closest('details[data-key]')?.getAttribute('data-key') ?? '?';
        return `${key}: ${(item.textContent ?? '').trim().slice(0, 90)}`;
      }),
  );
  await setOpen(false);
  for (const line of [...new Set(accepted)]) log(`  ${line}`);
}

/** At 300 px and 280 px the finished run must not scroll sideways. */
async function checkNarrow(page: Page, frame: Frame, defaultWidth: number): Promise<boolean> {
  let ok = true;
  for (const width of [300, 280]) {
    await resizeSideBar(page, width);
    const bad = await overflows(frame);
    ok &&= !bad;
    log(
      `side bar ${await sideBarWidth(page)} px: ${await horizontalOverflow(frame)}${bad ? ' OVERFLOW' : ''}`,
    );
  }
  await resizeSideBar(page, defaultWidth);
  return ok;
}

async function shootEditorView(page: Page, frame: Frame): Promise<Frame> {
  await byTestId(frame, 'open-in-editor-button').click();
  const wide = await findPanelFrame(page, 60_000, EDITOR_VIEW);
  await byTestId(wide, 'final-status').waitFor({ state: 'attached' });
  // The wide view alone: close the side bar so the editor area has the window.
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.waitForTimeout(1000);
  const file = join(IMAGES, 'editor-wide.png');
  await page.screenshot({ path: file });
  log(`saved ${file}`);
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  return wide;
}

/** Apply from the side bar: the untitled sample document must end up with the result. */
async function tryApply(page: Page): Promise<boolean> {
  const frame = await findPanelFrame(page, 60_000, SIDEBAR_VIEW);
  const sample = page.locator('.tab', { hasText: 'Untitled-1' }).first();
  await sample.click();
  await byTestId(frame, 'apply-button').first().click();
  await page.waitForTimeout(2000);
  await sample.click();
  // Monaco renders lines in any DOM order (look for the agreed guard, not the whole text)
  // and spaces as no-break spaces.
  const text = (await page.locator('.editor-instance .view-lines').first().innerText()).replace(
    /\u00a0/g,
    ' ',
  );
  const applied = text.includes("throw new RangeError('average() needs at least one value')");
  log(`Apply: the sample document ${applied ? 'holds' : 'does NOT hold'} the agreed average()`);
  const file = join(IMAGES, 'applied.png');
  await page.screenshot({ path: file });
  log(`saved ${file}`);
  return applied;
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'mlo-screenshots-'));
  const dev = await startDev({ port: await freePort(), root });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  let ok = false;
  let applied = false;
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    page.setDefaultTimeout(30_000);
    const frame = await openWorkbench(page, dev.url);
    const defaultWidth = await sideBarWidth(page);
    log(`side bar at its default width: ${defaultWidth} px`);
    await watchDebate(page, frame);
    ok = await checkNarrow(page, frame, defaultWidth);
    await shootEditorView(page, frame);
    applied = await tryApply(page);
  } finally {
    await browser.close();
    await dev.stop();
    rmSync(root, { recursive: true, force: true });
  }
  if (!ok) throw new Error('the finished run scrolls sideways in the side bar');
  if (!applied) throw new Error('Apply did not write the result into the sample document');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
