/**
 * The set-up every Chromium panel suite repeats (test/webview/panel-harness.ts): the built
 * panel, its local server and one headless Chromium, made before all and closed after all.
 */
import { mkdir } from 'node:fs/promises';
import {
  ensurePanelBuilt,
  launchChromium,
  openPanel,
  startPanelServer,
  type Browser,
  type OpenPanelOptions,
  type PanelPage,
  type PanelServer,
} from '../webview/panel-harness';

/** The CSS selector of the element a test finds by its `data-testid`. */
export const testId = (id: string): string => `[data-testid="${id}"]`;

export interface PanelBrowser {
  readonly server: PanelServer;
  readonly browser: Browser;
  /** A new page with the panel loaded (openPanel with this suite's browser and server). */
  open(locale?: string, options?: OpenPanelOptions): Promise<PanelPage>;
}

/**
 * Registers the hooks in the calling describe block. `artifacts`: a folder made before all,
 * for the screenshots the suite writes.
 */
export function usePanelBrowser(options: { artifacts?: string } = {}): PanelBrowser {
  let server: PanelServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    await ensurePanelBuilt();
    if (options.artifacts) await mkdir(options.artifacts, { recursive: true });
    server = await startPanelServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in a before hook`);
    return value;
  };
  const suite: PanelBrowser = {
    get server() {
      return started(server, 'the panel server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    open: (locale, openOptions) => openPanel(suite.browser, suite.server, locale, openOptions),
  };
  return suite;
}
