/** What a host hands the council service (createCouncilService) and the parts it is made of. */
import type * as engine from '../core/engine';
import type { Clock, CostEstimator } from '../core/host-services';
import type { LanguageModel } from '../core/language-model';
import type { CouncilService, ParticipantStatus } from '../shared/council-service';
import type { CouncilSettings, CredentialSource } from './council-settings';
import type { Logger } from './logger';
import type { RunLimits } from './run-admission';
import type { ResolveContext } from './resolve-participants';
import type { TranscriptStore } from './transcript-store';

/** The engine operations the service calls; tests may replace them. */
export interface EngineOperations {
  runConsensus: typeof engine.runConsensus;
  runVote: typeof engine.runVote;
  runIteration: typeof engine.runIteration;
  rankParticipantsForTask: typeof engine.rankParticipantsForTask;
  estimateRun: typeof engine.estimateRun;
}

export interface CouncilServiceOptions {
  credentials: CredentialSource;
  /** Read fresh at each run. */
  settings: () => CouncilSettings;
  transcripts: TranscriptStore;
  /** Providers the host brings itself: `vscode-lm` (editor models), `sampling` (MCP client). */
  extraModelFactory?: (providerId: string, model: string) => LanguageModel | undefined;
  /** More entries for listParticipants, e.g. the editor's vscode.lm models. */
  extraParticipants?: () => Promise<ParticipantStatus[]>;
  logger?: Logger;
  clock?: Clock;
  /** Replaces the price table (tests). */
  cost?: CostEstimator;
  /** Replaces engine operations (tests). */
  engine?: Partial<EngineOperations>;
  /** Runs and vendor calls in flight per process, the queue, the session spend cap. */
  limits?: Partial<RunLimits> & { maxConcurrentModelCalls?: number };
  /** Tweaks for the vendor models (tests use short retry delays). */
  modelOptions?: ResolveContext['modelOptions'];
}

export type DisposableCouncilService = CouncilService & { dispose(): void };
