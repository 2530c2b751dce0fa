/**
 * What the engine needs from its host (extension host, MCP server, CLI, tests). The core never
 * touches the file system, the network or the clock directly beyond what comes in here.
 */
import type { TranscriptRecord } from './transcript-record';
import type { Usage } from './language-model';

export interface TranscriptSink {
  /** Append one record for a run; must be durable (appended) before the promise resolves. */
  append(runId: string, record: TranscriptRecord): Promise<void>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface CostEstimator {
  /** USD for one call, or undefined when the model has no known price. */
  costOf(provider: string, modelId: string, usage: Usage): number | undefined;
}

export const systemClock: Clock = { now: () => Date.now() };

export const noCost: CostEstimator = { costOf: () => undefined };
