/** A council service over a temp folder, fake providers and (optionally) the fake engine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModel } from '../../../src/core/language-model';
import {
  createCouncilService,
  type CouncilServiceOptions,
  type CouncilSettings,
} from '../../../src/app/create-council-service';
import { JsonlTranscriptStore } from '../../../src/app/jsonl-transcript-store';
import type { Logger } from '../../../src/app/logger';
import { forgetSecrets } from '../../../src/providers/common/redact-secrets';

export function tempFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'mlo-app-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Registers, in the calling describe block, a fresh temp folder for each test; after each test
 * the folder is removed and the redactor's remembered secrets forgotten.
 */
export function useTempFolder(): { readonly path: string } {
  let folder: ReturnType<typeof tempFolder> | undefined;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => {
    folder?.remove();
    forgetSecrets();
  });
  return {
    get path() {
      if (!folder) throw new Error('the temp folder is made in a beforeEach hook');
      return folder.path;
    },
  };
}

export function baseSettings(overrides: Partial<CouncilSettings> = {}): CouncilSettings {
  return {
    participants: [
      { provider: 'fake', model: 'alpha' },
      { provider: 'fake', model: 'beta' },
    ],
    personas: [],
    baseUrls: {},
    compatibleEndpoints: [],
    maxRounds: 4,
    thresholds: {},
    idleTimeoutMs: 5_000,
    ...overrides,
  };
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string) => {
    lines.push(message);
  };
  return { lines, debug: push, info: push, warn: push, error: push };
}

export function councilOver(
  folder: string,
  models: (providerId: string, model: string) => LanguageModel | undefined,
  options: Partial<CouncilServiceOptions> = {},
) {
  const transcripts = new JsonlTranscriptStore(folder);
  const service = createCouncilService({
    credentials: { getApiKey: () => Promise.resolve(undefined) },
    settings: () => baseSettings(),
    transcripts,
    extraModelFactory: models,
    ...options,
  });
  return { service, transcripts };
}
