/**
 * Driving the VS Code workbench in the browser the way a user does: the command palette,
 * quick picks and input boxes, the editor, and the panel's webview (nested iframes).
 */
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './e2e-session';

const QUICK_INPUT = '.quick-input-widget';

export function quickInput(page: Page): Locator {
  return page.locator(QUICK_INPUT);
}

/** Waits until the quick input shows a row whose label contains `label`, then picks it. */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  const row = quickInput(page)
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: label })
    .first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Escape closes an open quick input; pressed in the editor it would drop the selection. */
export async function closeQuickInput(page: Page): Promise<void> {
  if (await quickInput(page).isVisible()) {
    await page.keyboard.press('Escape');
    await waitForQuickInputClosed(page);
  }
}

/** F1, type the command's palette title, and run it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await closeQuickInput(page);
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Only press Enter once the palette has filtered down to this exact command.
  await quickInput(page)
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: title })
    .first()
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Types into the quick input that is open now (an input box or a quick pick with free text). */
export async function typeIntoQuickInput(page: Page, text: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

export async function waitForQuickInputTitle(page: Page, title: string | RegExp): Promise<void> {
  await quickInput(page)
    .locator('.quick-input-title, .quick-input-header')
    .filter({ hasText: title })
    .first()
    .waitFor({ state: 'visible' });
}

export async function waitForQuickInputClosed(page: Page): Promise<void> {
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await closeQuickInput(page);
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  // Enter only once the filtered list has focused this file (recent editors come first).
  await quickInput(page)
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: name })
    .first()
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible' });
  await page
    .locator(
      '.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context',
    )
    .first()
    .waitFor({ state: 'attached' });
}

/** Selects whole lines [first, last] (1-based) of the active editor, line break included. */
export async function selectLines(page: Page, first: number, last: number): Promise<void> {
  // Go to Line is Quick Open with a ':' prefix (filling the box replaces the prefix).
  await page.keyboard.press('Control+G');
  await typeIntoQuickInput(page, `:${first}`);
  await page.keyboard.press('Enter');
  await waitForQuickInputClosed(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  for (let line = first; line <= last; line++) await page.keyboard.press('Shift+ArrowDown');
}

/**
 * The frame of the Council panel's webview. Webviews are nested iframes (host frame -> active
 * frame), so look through every frame for the panel's DOM hooks. `selector` tells the side-bar
 * view (`body[data-view="sidebar"]`) from the editor-area one (`body[data-view="editor"]`).
 */
export async function findPanelFrame(
  page: Page,
  timeoutMs = 60_000,
  selector = '[data-testid]',
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        // a frame that navigated or went away while we asked
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`No webview frame with ${selector} appeared`);
}

export function byTestId(frame: Frame, testId: string): Locator {
  return frame.locator(`[data-testid="${testId}"]`);
}

/** Scrolls the panel to an element; the panel re-renders often, so ask the DOM directly. */
export async function scrollToTestId(frame: Frame, testId: string): Promise<void> {
  await frame.evaluate((id) => {
    document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'center' });
  }, testId);
}

let shotNumber = 0;

/** Saves test-artifacts/e2e/NN-step.png and returns its path. */
export async function screenshot(page: Page, step: string): Promise<string> {
  shotNumber += 1;
  const file = join(ARTIFACTS_DIR, `${String(shotNumber).padStart(2, '0')}-${step}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The text of the workbench notifications currently shown (toasts). */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
}
