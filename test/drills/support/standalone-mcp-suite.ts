/**
 * The hooks of the drills that load one real stdio MCP server (dist/mcp-server.js, standalone
 * mode, the real providers pointed at the fake vendor server): build once, start the fake vendor
 * server, a data folder and the spawned client before all; dump the server's stderr after a
 * failed test; close and remove everything after all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeVendorServer, type FakeVendorServer } from '../../fake-vendor/fake-vendor-server';
import { buildOnce } from '../../mcp/support/build-once';
import { spawnClient, type SpawnedClient } from '../../mcp/support/spawn-client';
import { standaloneEnvironment } from './standalone-environment';

export interface StandaloneMcpSuite {
  readonly vendor: FakeVendorServer;
  readonly dataDir: string;
  readonly spawned: SpawnedClient;
}

/** Registers the hooks in the calling describe block; `env` adds to the standalone environment. */
export function useStandaloneMcpSuite(
  folderPrefix: string,
  env: Record<string, string> = {},
): StandaloneMcpSuite {
  let vendor: FakeVendorServer | undefined;
  let dataDir: string | undefined;
  let spawned: SpawnedClient | undefined;

  before(async () => {
    buildOnce();
    vendor = await startFakeVendorServer();
    dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
    spawned = await spawnClient({
      ...standaloneEnvironment(
        vendor.baseUrls,
        { openai: 'sk-drill-openai', anthropic: 'sk-drill-anthropic', google: 'drill-gemini' },
        dataDir,
      ),
      ...env,
    });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      process.stderr.write(`server stderr:\n${spawned?.stderr().slice(-4000)}\n`);
  });

  after(async () => {
    await spawned?.close();
    await vendor?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up in a before hook`);
    return value;
  };
  return {
    get vendor() {
      return started(vendor, 'the fake vendor server');
    },
    get dataDir() {
      return started(dataDir, 'the data folder');
    },
    get spawned() {
      return started(spawned, 'the spawned MCP client');
    },
  };
}
