/**
 * activationMs: the packaged .vsix in a real VS Code (code-server, as in the e2e suite). The
 * Council view is opened, which activates the extension (`onView`), and VS Code's own figure is
 * read from "Developer: Show Running Extensions", as a user would check it.
 */
import type { BenchModule } from './bench-module';
import { startE2eSession } from '../e2e/support/e2e-session';
import { findPanelFrame, runCommand, screenshot } from '../e2e/support/workbench';

export const activationBench: BenchModule = {
  name: 'activation in code-server',
  async run() {
    const session = await startE2eSession({ clearArtifacts: false });
    try {
      const { page } = session;
      await page.locator('.activitybar .action-label[aria-label^="Multi-LLM Council"]').click();
      await findPanelFrame(page);
      await runCommand(page, 'Developer: Show Running Extensions');
      const row = page
        .locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Multi-LLM' })
        .first();
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      // The row's activation label reads like "42ms" (or "Startup Activation: 42ms").
      await screenshot(page, 'bench-running-extensions');
      const label = await row.locator('.activation-time').first().innerText();
      const activationMs = Number(/(\d+(?:\.\d+)?)\s*ms/.exec(label)?.[1]);
      if (!Number.isFinite(activationMs)) throw new Error(`no activation time in "${label}"`);
      return {
        rows: [
          {
            name: 'VS Code "Running Extensions": activation of the .vsix on opening the panel',
            values: { ms: activationMs, label: label.replace(/\s+/g, ' ').trim() },
          },
        ],
        fields: { activationMs },
      };
    } finally {
      await session.close();
    }
  },
};
