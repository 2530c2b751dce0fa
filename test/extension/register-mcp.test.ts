/** The bridge discovery file (socket + window token) is written only in Cursor, which needs it. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeVscode, installFakeVscode } from './support/fake-vscode';
import { FakeCouncil } from './support/fake-council';
import { SamplingRelay } from '../../src/bridge/sampling-relay';
import type * as RegisterMcpModule from '../../src/extension/mcp/register-mcp';

installFakeVscode();
const disposables = fakeVscode.Disposable as unknown as {
  from?: (...items: { dispose(): void }[]) => { dispose(): void };
};
// Present before the module loads, so its `import * as vscode` sees later values too.
(fakeVscode as Record<string, unknown>).cursor = undefined;
disposables.from ??= (...items) => ({ dispose: () => items.forEach((item) => item.dispose()) });
const registerMcpModule =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the fake vscode is installed
  require('../../src/extension/mcp/register-mcp') as typeof RegisterMcpModule;
const { registerMcp, bridgeDiscoveryFolder } = registerMcpModule;

async function registerIn(storage: string): Promise<{ folder: string; dispose(): void }> {
  let listening: () => void = () => {};
  const started = new Promise<void>((resolve) => (listening = resolve));
  const context = {
    globalStorageUri: fakeVscode.Uri.file(storage),
    extensionUri: fakeVscode.Uri.file(process.cwd()),
    extension: { packageJSON: { version: '1.0.0' } },
    subscriptions: [] as { dispose(): void }[],
  };
  const log = {
    info: (message: string) => {
      if (message.includes('listening')) listening();
    },
    warn: () => {},
    error: () => {},
  };
  const disposable = registerMcp(context as never, {
    council: new FakeCouncil().asService(),
    log: log as never,
    samplingRelay: new SamplingRelay(),
  });
  await started;
  await new Promise((resolve) => setImmediate(resolve)); // the discovery step runs right after
  return { folder: bridgeDiscoveryFolder(context as never), dispose: () => disposable.dispose() };
}

describe('registerMcp: the bridge discovery file', () => {
  const workspace = fakeVscode.workspace as Record<string, unknown>;
  let storage: string;

  beforeEach(() => {
    storage = mkdtempSync(join(tmpdir(), 'mlo-register-'));
    workspace.onDidChangeWorkspaceFolders = () => ({ dispose() {} });
  });
  afterEach(() => {
    (fakeVscode as Record<string, unknown>).cursor = undefined;
    rmSync(storage, { recursive: true, force: true });
  });

  it('is not written in VS Code, where each launch gets a one-time token', async () => {
    const registered = await registerIn(storage);
    try {
      assert.ok(!existsSync(registered.folder) || readdirSync(registered.folder).length === 0);
    } finally {
      registered.dispose();
    }
  });

  it('is written in Cursor, which starts the server from a static config', async () => {
    (fakeVscode as Record<string, unknown>).cursor = { mcp: { registerServer: () => {} } };
    const registered = await registerIn(storage);
    try {
      const files = readdirSync(registered.folder).filter((name) => name.startsWith('bridge-'));
      assert.equal(files.length, 1);
    } finally {
      registered.dispose();
    }
    assert.deepEqual(readdirSync(registered.folder), [], 'removed when the window closes');
  });
});
