/**
 * The set-up of a suite that runs `mlo` against the fake vendor server: the bundles built, the
 * fake started for the suite, a transcripts folder for the suite or (`perTest`) a fresh one and a
 * reset fake for each test; all of it removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeVendorServer, type FakeVendorServer } from '../../fake-vendor/fake-vendor-server';
import { fakeVendorEnvironment } from '../../support/fake-vendor-environment';
import { buildCliOnce, cleanEnvironment } from './cli-process';

export interface FakeVendorCli {
  readonly vendor: FakeVendorServer;
  readonly dataDir: string;
  /** A clean environment (cli-process.ts) pointed at the fake, `extra` over it. */
  env(extra?: Record<string, string | undefined>): Record<string, string>;
}

export interface FakeVendorCliOptions {
  /** A fresh transcripts folder and a reset fake for each test (default: one for the suite). */
  perTest?: boolean;
  /** Build the bundles first (default true; false for suites that run the CLI in-process). */
  build?: boolean;
}

/** Registers the mocha hooks; call it in a describe before the hooks that use the fake. */
export function useFakeVendorCli(
  dataDirPrefix: string,
  { perTest = false, build = true }: FakeVendorCliOptions = {},
): FakeVendorCli {
  let vendor: FakeVendorServer | undefined;
  let dataDir: string | undefined;
  const freshDataDir = () => mkdtempSync(join(tmpdir(), dataDirPrefix));
  const removeDataDir = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  before(async () => {
    if (build) buildCliOnce();
    vendor = await startFakeVendorServer();
    if (!perTest) dataDir = freshDataDir();
  });
  if (perTest) {
    beforeEach(() => {
      fixture.vendor.reset();
      dataDir = freshDataDir();
    });
    afterEach(removeDataDir);
  }
  after(async () => {
    await vendor?.close();
    if (!perTest) removeDataDir();
  });

  const fixture: FakeVendorCli = {
    get vendor() {
      if (!vendor) throw new Error('useFakeVendorCli: the fake vendor starts in a before hook');
      return vendor;
    },
    get dataDir() {
      if (!dataDir) throw new Error('useFakeVendorCli: the data folder is made in a before hook');
      return dataDir;
    },
    env: (extra = {}) =>
      cleanEnvironment(fakeVendorEnvironment(fixture.vendor, fixture.dataDir, extra)),
  };
  return fixture;
}
