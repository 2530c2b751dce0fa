/**
 * Loads the built panel in Debian's headless Chromium (docs/ARCHITECTURE.md, "Tests") from a local
 * 127.0.0.1 server, with the page produced by the same buildPanelHtml the extension uses and
 * `acquireVsCodeApi` stubbed to record what the panel posts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { buildPanelHtml } from '../../src/extension/panel-html';
import type { HostToWebviewMessage, PanelSnapshot } from '../../src/shared/host-to-webview';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/webview');
const ASSETS = ['panel.js', 'panel.css', 'diff2html.min.css'] as const;
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
};

/** The webview entry of esbuild.mjs alone, plus its static assets. */
const PANEL_ONLY_BUILD = `
  import * as esbuild from 'esbuild';
  import { cp, mkdir } from 'node:fs/promises';
  await esbuild.build({
    bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none',
    platform: 'browser', format: 'esm', target: 'chrome120',
    entryPoints: { panel: 'webview/main.ts' }, outdir: 'dist/webview', loader: { '.css': 'css' },
  });
  await mkdir('dist/webview', { recursive: true });
  await cp('node_modules/diff2html/bundles/css/diff2html.min.css', 'dist/webview/diff2html.min.css');
`;

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** Runs `node esbuild.mjs` when the panel bundle is missing or older than its sources. */
export async function ensurePanelBuilt(): Promise<void> {
  const sources = Math.max(
    await newestMtime(path.join(ROOT, 'webview')),
    await newestMtime(path.join(ROOT, 'src/shared')),
    await newestMtime(path.join(ROOT, 'src/core')),
  );
  const built = await Promise.all(
    ASSETS.map((name) =>
      stat(path.join(DIST, name)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  if (Math.min(...built) >= sources) return;
  try {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    // Another bundle (extension, MCP, CLI) failing to build must not hide the panel's own
    // results; `npm run build` still fails loudly for it.
    console.warn(
      `[webview tests] node esbuild.mjs failed (${String(error)}); building the panel only`,
    );
    execFileSync(process.execPath, ['--input-type=module', '-e', PANEL_ONLY_BUILD], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}

export interface PanelServer {
  origin: string;
  close(): Promise<void>;
}

export async function startPanelServer(locale = 'en'): Promise<PanelServer> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = buildPanelHtml({
        cspSource: origin,
        nonce: randomBytes(16).toString('base64'),
        panelScriptUri: `${origin}/panel.js`,
        styleUris: [`${origin}/diff2html.min.css`, `${origin}/panel.css`],
        locale: url.searchParams.get('locale') ?? locale,
        title: 'Council',
        view: url.searchParams.get('view') === 'editor' ? 'editor' : 'sidebar',
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own; a VS Code webview never does.
      response.writeHead(204).end();
      return;
    }
    const name = url.pathname.slice(1);
    if (!(ASSETS as readonly string[]).includes(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(DIST, name)).then(
      (body) => {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'mlo-webview-'));
  // launchPersistentContext passes the fresh profile as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 520, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PanelPage {
  page: Page;
  /** Every request the page made (URLs). */
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
  send(message: HostToWebviewMessage): Promise<void>;
  snapshot(snapshot: PanelSnapshot): Promise<void>;
  posted(): Promise<unknown[]>;
  violations(): Promise<{ directive: string; blocked: string; sample: string }[]>;
  settle(): Promise<void>;
}

/**
 * A subset of VS Code's Dark Modern theme variables, set the way VS Code sets them (on the
 * <html> element's style through CSSOM, which the CSP allows), so screenshots look like the
 * real panel.
 */
const THEME: Record<string, string> = {
  '--vscode-font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
  '--vscode-editor-font-size': '12px',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f85149',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-sideBar-background': '#181818',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-widget-border': '#313131',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-textBlockQuote-background': '#2b2b2b',
  '--vscode-textCodeBlock-background': '#2b2b2b',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-hoverBackground': '#026ec1',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-input-placeholderForeground': '#989898',
  '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-foreground': '#cccccc',
  '--vscode-dropdown-border': '#3c3c3c',
  '--vscode-checkbox-background': '#313131',
  '--vscode-checkbox-border': '#3c3c3c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-testing-iconPassed': '#73c991',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-green': '#89d185',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-diffEditor-insertedLineBackground': 'rgba(155, 185, 85, 0.2)',
  '--vscode-diffEditor-removedLineBackground': 'rgba(255, 0, 0, 0.2)',
  '--vscode-diffEditor-insertedTextBackground': 'rgba(156, 204, 44, 0.2)',
  '--vscode-diffEditor-removedTextBackground': 'rgba(255, 0, 0, 0.2)',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-progressBar-background': '#0078d4',
};

/** Stubs the VS Code API and records CSP violations before any panel script runs. */
const INIT_SCRIPT = `
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(${JSON.stringify(THEME)})) {
      document.documentElement.style.setProperty(name, value);
    }
  });
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
  });
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => undefined,
    setState: () => undefined,
  });
`;

export interface OpenPanelOptions {
  /** The editor-area webview instead of the side-bar view. */
  view?: 'sidebar' | 'editor';
  viewport?: { width: number; height: number };
}

export async function openPanel(
  browser: Browser,
  server: PanelServer,
  locale = 'en',
  options: OpenPanelOptions = {},
): Promise<PanelPage> {
  const page = await browser.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const requests: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.addInitScript(INIT_SCRIPT);
  const view = options.view === 'editor' ? '&view=editor' : '';
  await page.goto(`${server.origin}/?locale=${encodeURIComponent(locale)}${view}`);
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some(
      (m) => m.type === 'ready',
    ),
  );
  const settle = async (): Promise<void> => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
  };
  const send = async (message: HostToWebviewMessage): Promise<void> => {
    await page.evaluate((m) => window.postMessage(m, '*'), message);
    await settle();
  };
  return {
    page,
    requests,
    dialogs,
    consoleErrors,
    send,
    snapshot: (snapshot) => send({ type: 'snapshot', snapshot }),
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
    violations: () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __violations: { directive: string; blocked: string; sample: string }[];
            }
          ).__violations,
      ),
    settle,
  };
}
