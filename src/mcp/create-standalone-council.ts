/**
 * Standalone mode: the council runs in this process with keys and base URLs from the
 * environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, *_BASE_URL, MLO_PARTICIPANTS,
 * MLO_DATA_DIR), plus the calling client's own model through MCP sampling.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { createCouncilService } from '../app/create-council-service';
import { runLimitsFromEnvironment } from '../app/run-admission';
import {
  credentialsFromEnvironment,
  DEFAULT_DATA_DIR,
  settingsFromEnvironment,
} from '../app/environment-config';
import { JsonlTranscriptStore } from '../app/jsonl-transcript-store';
import type { CouncilService } from '../shared/council-service';
import { createSamplingModelFactory } from './sampling-language-model';

export function createStandaloneCouncil(
  env: NodeJS.ProcessEnv,
  getServer: () => Server | undefined,
): CouncilService & { dispose(): void } {
  const settings = settingsFromEnvironment(env);
  return createCouncilService({
    limits: runLimitsFromEnvironment(env),
    credentials: credentialsFromEnvironment(env),
    settings: () => settings,
    transcripts: new JsonlTranscriptStore(env.MLO_DATA_DIR ?? DEFAULT_DATA_DIR),
    extraModelFactory: createSamplingModelFactory(getServer),
    logger: {
      debug: () => {},
      info: (message: string) => process.stderr.write(`[mlo] ${message}\n`),
      warn: (message: string) => process.stderr.write(`[mlo] warn: ${message}\n`),
      error: (message: string) => process.stderr.write(`[mlo] error: ${message}\n`),
    },
  });
}
