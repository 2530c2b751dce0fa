/**
 * The set-up of a suite that talks to the built dist/mcp-server.js over stdio in standalone mode,
 * the real providers pointed at the fake vendor server: the bundles built, the fake started, a
 * transcripts folder made and an SDK client connected before the suite; all of it closed and
 * removed after it (the client first, while the fake still answers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startFakeVendorServer, type FakeVendorServer } from '../../fake-vendor/fake-vendor-server';
import { fakeCouncil, fakeVendorEnvironment } from '../../support/fake-vendor-environment';
import { buildOnce } from './build-once';
import { baseEnvironment, spawnClient, type SpawnedClient } from './spawn-client';

export interface StandaloneServer {
  readonly vendor: FakeVendorServer;
  readonly dataDir: string;
  /** The server's environment (for spawning another one like it). */
  readonly env: Record<string, string>;
  readonly spawned: SpawnedClient;
  readonly client: Client;
}

/**
 * Registers the mocha hooks; `word` picks the fake's council (fake-vendor-environment.ts), `extra`
 * goes over the server's environment.
 */
export function useStandaloneServer(
  dataDirPrefix: string,
  word: 'sim' | 'blind',
  extra: Record<string, string> = {},
): StandaloneServer {
  let vendor: FakeVendorServer | undefined;
  let dataDir: string | undefined;
  let env: Record<string, string> | undefined;
  let spawned: SpawnedClient | undefined;

  before(async () => {
    buildOnce();
    vendor = await startFakeVendorServer();
    dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
    env = {
      ...baseEnvironment(),
      ...fakeVendorEnvironment(vendor, dataDir, { MLO_PARTICIPANTS: fakeCouncil(word), ...extra }),
    };
    spawned = await spawnClient(env);
  });
  after(async () => {
    await spawned?.close();
    await vendor?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('useStandaloneServer: the server starts in a before hook');
    return value;
  };
  return {
    get vendor() {
      return ready(vendor);
    },
    get dataDir() {
      return ready(dataDir);
    },
    get env() {
      return ready(env);
    },
    get spawned() {
      return ready(spawned);
    },
    get client() {
      return ready(spawned).client;
    },
  };
}
