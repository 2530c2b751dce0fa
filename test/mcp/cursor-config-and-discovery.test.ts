import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cursorServerEntry, mergeCursorMcpConfig } from '../../src/extension/mcp/cursor-mcp-config';
import { writeBridgeDiscoveryFile } from '../../src/bridge/write-discovery-file';
import { discoverBridge } from '../../src/bridge/discover-bridge';

describe('Cursor: .cursor/mcp.json without secrets, and window discovery', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'mlo-disc-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes our server entry, keeps the other servers, and puts no token or key in the file', () => {
    const existing = JSON.stringify({ mcpServers: { other: { command: 'x' } }, extra: true });
    const text = mergeCursorMcpConfig(existing, cursorServerEntry('/ext', join(folder, 'bridge')));
    const config = JSON.parse(text) as {
      mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>;
      extra: boolean;
    };
    assert.deepEqual(Object.keys(config.mcpServers).sort(), ['multi-llm-orchestration', 'other']);
    assert.equal(config.extra, true);
    const entry = config.mcpServers['multi-llm-orchestration']!;
    assert.equal(entry.command, process.execPath);
    assert.deepEqual(entry.args, [join('/ext', 'dist', 'mcp-server.js')]);
    assert.deepEqual(Object.keys(entry.env).sort(), [
      'ELECTRON_RUN_AS_NODE',
      'MLO_BRIDGE_DISCOVERY_DIR',
    ]);
    assert.doesNotMatch(text, /TOKEN|API_KEY/);
    assert.throws(() => mergeCursorMcpConfig('[1]', entry), /not a JSON object/);
  });

  it('the server finds the window whose workspace holds its working folder, from a 0600 file', () => {
    const dir = join(folder, 'bridge');
    const a = writeBridgeDiscoveryFile(dir, {
      socketPath: '/s/a',
      token: 'ta',
      workspaceFolders: ['/work/a'],
    });
    const b = writeBridgeDiscoveryFile(dir, {
      socketPath: '/s/b',
      token: 'tb',
      workspaceFolders: ['/work/b'],
    });
    if (process.platform !== 'win32') assert.equal(statSync(a.path).mode & 0o077, 0);
    assert.equal(discoverBridge(dir, '/work/a/src')?.socketPath, '/s/a');
    assert.equal(discoverBridge(dir, '/work/b')?.token, 'tb');
    // A file others could read is ignored; a dead window's file too.
    writeFileSync(
      join(dir, 'bridge-1-x.json'),
      JSON.stringify({
        socketPath: '/s/c',
        token: 'tc',
        pid: 999_999_999,
        workspaceFolders: ['/work/c'],
        writtenAt: Date.now() + 1000,
      }),
      { mode: 0o600 },
    );
    assert.notEqual(discoverBridge(dir, '/work/c')?.socketPath, '/s/c');
    a.dispose();
    b.dispose();
    assert.equal(discoverBridge(dir, '/work/a'), undefined);
  });
});
