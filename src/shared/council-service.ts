/**
 * What the MCP server, the CLI and the panel ask of "the council". Implemented once over the
 * engine in src/app (used by the extension host, standalone MCP and the CLI), and as a proxy
 * over the bridge socket when the MCP server was started by the editor.
 */
import type { ConsensusInput, ConsensusResult, RoundSignals, Phase } from '../core/consensus-types';
import type { VoteInput, VoteResult } from '../core/vote-types';
import type { ParticipantInfo } from '../core/participant';
import type { ModelNote } from './model-note';
import type { RunEventListener, ProtocolName, RunOrigin } from '../core/run-events';
import type { TranscriptRecord } from '../core/transcript-record';
import type {
  IterationInput,
  IterationResult,
  ParticipantMatch,
  RunEstimate,
} from '../core/engine-api-types';

export interface ParticipantStatus extends ParticipantInfo {
  /** Configured and usable now (key present, or no key needed). */
  available: boolean;
  keyPresent: boolean;
  /** Why it is not available, and what to do ("Run 'Set API Key…' for Anthropic"). */
  reason?: string;
  /** Last call succeeded (undefined when never called in this session). */
  recentlyHealthy?: boolean;
}

// Defined with the run-started event it is stamped on; re-exported for the service's callers.
export type { RunOrigin };

export interface StartConsensusRequest {
  input: ConsensusInput;
  /** `provider:model` strings; the configured defaults when absent. */
  participants?: string[];
  origin: RunOrigin;
}

export interface StartVoteRequest {
  input: VoteInput;
  participants?: string[];
  /** `provider:model` of a judge not among the voters; auto-picked when absent. */
  judge?: string;
  origin: RunOrigin;
}

/**
 * The seed 001 task model (pending / in_progress / completed / failed), plus cancelled, and
 * queued: waiting for one of the process's run slots (multiLlm.maxConcurrentRuns).
 */
export type TaskState = 'pending' | 'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

export interface TaskStatus {
  taskId: string;
  protocol: ProtocolName;
  state: TaskState;
  phase?: Phase;
  round?: number;
  maxRounds?: number;
  /** 0..1, a rough share of the expected calls already finished. */
  progress: number;
  /** The latest round's convergence signals. */
  signals?: RoundSignals;
  message: string;
  /** Some records of the run's transcript could not be written (disk full, not writable). */
  transcriptIncomplete?: true;
  startedAt: number;
  updatedAt: number;
}

export type RunResult = ConsensusResult | VoteResult;

export interface RunSummary {
  runId: string;
  protocol: ProtocolName;
  /** First 200 characters of the task or question. */
  title: string;
  state: TaskState | 'interrupted';
  /** ConsensusStatus or 'reached'/'not-reached' for votes, once finished. */
  outcome?: string;
  origin: RunOrigin;
  participants: ParticipantInfo[];
  startedAt: number;
  finishedAt?: number;
}

export interface StartedRun {
  runId: string;
  warnings?: ModelNote[];
}

/** One page of a transcript: `limit` records from `offset`, stopping early past `maxChars`. */
export interface TranscriptPageRequest {
  offset: number;
  limit: number;
  /** JSON characters a page may hold; a page holds at least one record whatever its size. */
  maxChars: number;
}

export interface TranscriptPage {
  /** Records in the whole transcript. */
  total: number;
  offset: number;
  records: TranscriptRecord[];
  /** The offset of the next page; absent on the last page. */
  nextOffset?: number;
}

export interface CouncilService {
  listParticipants(): Promise<ParticipantStatus[]>;
  findParticipantsForTask(task: string, requiredSkills: string[]): Promise<ParticipantMatch[]>;
  estimate(request: StartConsensusRequest): Promise<RunEstimate>;
  /** `warnings`: deprecated / retired / unknown / unpriced participants, known before the first call. */
  startConsensus(request: StartConsensusRequest): Promise<StartedRun>;
  startVote(request: StartVoteRequest): Promise<StartedRun>;
  runIteration(
    input: IterationInput,
    participants?: string[],
    signal?: AbortSignal,
  ): Promise<IterationResult>;
  getStatus(runId: string): Promise<TaskStatus | undefined>;
  /** Resolves when the run ends (any status); rejects only if the run id is unknown. */
  waitForResult(runId: string, signal?: AbortSignal): Promise<RunResult>;
  getResult(runId: string): Promise<RunResult | undefined>;
  /**
   * Cancels a running run (status `cancelled`, the transcript kept). False when the run is
   * unknown or has already ended, also while its result is still being filed.
   */
  cancel(runId: string): Promise<boolean>;
  /**
   * Stops a running consensus now and keeps the best proposal so far: status `provisional`,
   * stopReason `stopped`, its rationale, scores and abstentions kept. False when the run is
   * unknown, already finished, or a vote.
   */
  finishEarly(runId: string): Promise<boolean>;
  /** Live events of a running run (token deltas included). Returns the unsubscribe function. */
  subscribe(runId: string, listener: RunEventListener): () => void;
  /** Every event of every run (started here, from the panel, a command or MCP). For the panel. */
  watchAllRuns(listener: RunEventListener): () => void;
  listRuns(): Promise<RunSummary[]>;
  readTranscript(runId: string): Promise<TranscriptRecord[]>;
  /** A page of the transcript, cut where it is stored (so a large one never crosses a pipe whole). */
  readTranscriptPage(runId: string, page: TranscriptPageRequest): Promise<TranscriptPage>;
}
