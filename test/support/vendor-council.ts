/**
 * Whole councils on the true wire: the council service as the extension host, MCP and the CLI
 * build it (createCouncilService over a JSONL store, settings read at each run), with the real
 * engine and provider adapters pointed at the fake vendor server; and the mocha hooks that give
 * a suite its fake vendor server and a fresh temp folder per test.
 */
import {
  createCouncilService,
  type CouncilSettings,
  type DisposableCouncilService,
  type Logger,
  type TranscriptStore,
} from '../../src/app/create-council-service';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { baseSettings, useTempFolder } from '../app/support/council-fixture';

export interface VendorCouncilOptions {
  /** `provider:model` specs, e.g. 'openai:gpt-sim'. */
  participants: readonly string[];
  /** Where the JSONL transcripts go; `transcripts` replaces the store over it. */
  folder: string;
  transcripts?: TranscriptStore;
  /** The API key each provider is given (default 'test-key' for every one). */
  apiKey?: (providerId: string) => string | undefined;
  /** Default: the service's silent logger. */
  logger?: Logger;
  /** The adapters' retries (default 1; backoff is always 1 ms, capped at 5 ms). */
  maxRetries?: number;
  /** Further settings over baseSettings (participants and the vendor's base URLs are set). */
  settings?: Partial<CouncilSettings>;
}

/** The council service over the real engine and adapters against the fake vendor server. */
export function vendorCouncil(
  vendor: FakeVendorServer,
  options: VendorCouncilOptions,
): DisposableCouncilService {
  const apiKey = options.apiKey ?? (() => 'test-key');
  return createCouncilService({
    credentials: { getApiKey: (providerId) => Promise.resolve(apiKey(providerId)) },
    settings: () =>
      baseSettings({
        participants: options.participants.map((spec) => {
          const [provider, model] = spec.split(':') as [string, string];
          return { provider, model };
        }),
        baseUrls: {
          openai: vendor.baseUrls.openai,
          anthropic: vendor.baseUrls.anthropic,
          google: vendor.baseUrls.google,
        },
        ...options.settings,
      }),
    transcripts: options.transcripts ?? new JsonlTranscriptStore(options.folder),
    ...(options.logger ? { logger: options.logger } : {}),
    modelOptions: { retryBaseDelayMs: 1, retryCapMs: 5, maxRetries: options.maxRetries ?? 1 },
  });
}

export interface VendorSuite {
  /** The suite's fake vendor server, started once, reset before each test. */
  readonly vendor: FakeVendorServer;
  /** A temp folder made for each test and removed after it. */
  readonly folder: string;
}

/**
 * Registers, in the calling describe block, the hooks every whole-council suite repeats: the
 * fake vendor server started before all and closed after, reset before each test with a fresh
 * temp folder; after each test the folder removed and the redactor's remembered secrets forgotten.
 */
export function useVendorSuite(): VendorSuite {
  let vendor: FakeVendorServer | undefined;
  before(async () => {
    vendor = await startFakeVendorServer();
  });
  after(async () => {
    await vendor?.close();
  });
  beforeEach(() => {
    vendor!.reset();
  });
  const folder = useTempFolder();
  return {
    get vendor() {
      if (!vendor) throw new Error('the fake vendor server starts in a before hook');
      return vendor;
    },
    get folder() {
      return folder.path;
    },
  };
}
