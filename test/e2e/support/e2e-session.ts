/**
 * One real VS Code for the e2e suite: the cached code-server with the packaged .vsix installed
 * into fresh folders, the providers pointed at the in-process fake vendor server, a copy of the
 * sample workspace, and Debian's Chromium driven by playwright-core.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureCodeServer } from '../../../scripts/install-code-server.mjs';
import {
  PROJECT_ROOT,
  codeServerFolders,
  freePort,
  installExtension,
  packageExtension,
  startCodeServer,
  writeUserSettings,
  type CodeServerFolders,
  type RunningCodeServer,
} from '../../../scripts/code-server-launcher.mjs';
import { startFakeVendorServer, type FakeVendorServer } from '../../fake-vendor/fake-vendor-server';

export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-artifacts', 'e2e');
const FIXTURE_WORKSPACE = join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'workspace');

/** Chromium flags that work on a machine without internet (docs/ARCHITECTURE.md, "Tests"). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const COUNCIL = [
  'openai:gpt-5.1',
  'anthropic:claude-sonnet-4-6',
  'google:gemini-3.1-pro-preview',
];

export interface E2eSession {
  root: string;
  workspace: string;
  folders: CodeServerFolders;
  fake: FakeVendorServer;
  codeServer: RunningCodeServer;
  browser: Browser;
  page: Page;
  timings: Record<string, number>;
  /** Replaces the user settings (VS Code picks the file change up while running). */
  writeSettings(overrides?: Record<string, unknown>): void;
  close(): Promise<void>;
}

export function baseSettings(fake: FakeVendorServer): Record<string, unknown> {
  return {
    'multiLlm.openai.baseUrl': fake.baseUrls.openai,
    'multiLlm.anthropic.baseUrl': fake.baseUrls.anthropic,
    'multiLlm.google.baseUrl': fake.baseUrls.google,
    'multiLlm.participants': COUNCIL,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'files.autoSave': 'off',
    'git.openRepositoryInParentFolders': 'never',
    'editor.formatOnSave': false,
  };
}

/** Drags the side bar's edge so the Council panel has room (screenshots show the diff). */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edgeX = box.x + box.width + 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(edgeX, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

async function timed<T>(
  timings: Record<string, number>,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
  }
}

export interface E2eSessionOptions {
  /** Empty test-artifacts/e2e first (default); the benchmark keeps the suite's screenshots. */
  clearArtifacts?: boolean;
}

export async function startE2eSession(options: E2eSessionOptions = {}): Promise<E2eSession> {
  const timings: Record<string, number> = {};
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`[e2e] cleanup failed: ${String(error)}\n`);
      }
    }
  };
  try {
    if (options.clearArtifacts ?? true) rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const binaries = await timed(timings, 'install code-server', () => ensureCodeServer());
    const vsix = await timed(timings, 'build + package', () => packageExtension());

    const root = mkdtempSync(join(tmpdir(), 'mlo-e2e-'));
    // Keep the folder when asked (to read logs after a failure); remove it otherwise.
    if (!process.env.MLO_E2E_KEEP)
      cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const folders = codeServerFolders(root);
    await timed(timings, 'install .vsix', () => installExtension(binaries, folders, vsix));

    const fake = await startFakeVendorServer();
    cleanups.push(() => fake.close());
    const writeSettings = (overrides: Record<string, unknown> = {}) =>
      writeUserSettings(folders, { ...baseSettings(fake), ...overrides });
    writeSettings();

    const workspace = join(root, 'workspace');
    cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });

    const port = await freePort();
    const codeServer = await timed(timings, 'start code-server', () =>
      startCodeServer(binaries, folders, {
        port,
        folder: workspace,
        logFile: join(ARTIFACTS_DIR, 'code-server.log'),
      }),
    );
    cleanups.push(() => codeServer.stop());

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await timed(timings, 'open workbench', async () => {
      await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
      // The workbench shows before the remote extension host has registered extensions: our view
      // container in the activity bar means our contributions (and commands) are in.
      await page
        .locator('.activitybar .action-label[aria-label^="Multi-LLM Council"]')
        .waitFor({ state: 'attached', timeout: 120_000 });
      await widenSideBar(page, 640);
    });
    return {
      root,
      workspace,
      folders,
      fake,
      codeServer,
      browser,
      page,
      timings,
      writeSettings,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
