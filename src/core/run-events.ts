/**
 * The one typed event stream of a run (docs/ARCHITECTURE.md, "The event flow"). The panel, the MCP server,
 * the CLI and the transcript are projections of it; none reaches into engine internals.
 * Every event is plain JSON (no class instances), so it can cross a postMessage or a socket.
 */
import type { ChatMessage, Usage } from './language-model';
import type { ParticipantInfo } from './participant';
import type { SerializedModelError } from './model-error';
import type {
  Abstention,
  Budget,
  ConsensusInput,
  ConsensusResult,
  DeadlockMeasure,
  DeadlockSignal,
  Phase,
  Proposal,
  Ratification,
  ReviewerReport,
  ResolvedScheduling,
  RoundSignals,
  RunNotice,
  Thresholds,
} from './consensus-types';
import type { VoteInput, VoteResult, VoteStrategy } from './vote-types';

export type ProtocolName = 'consensus' | 'vote';

interface EventBase {
  runId: string;
  /** Milliseconds since the epoch (host clock). */
  at: number;
}

/** A consensus run's options after the engine's defaults (src/core/run-defaults.ts). */
export interface ConsensusRunSettings {
  maxRounds: number;
  thresholds: Thresholds;
  seed: number;
  budget: Budget | null;
  singleVendor: boolean;
  scheduling: ResolvedScheduling;
}

/** One round on given proposals (runIteration, the MCP tool run_iteration). */
export interface IterationRunSettings {
  iteration: true;
  round: number;
  seed: number;
}

export interface VoteRunSettings {
  strategy: VoteStrategy;
  judge: ParticipantInfo | null;
  seed: number;
}

export type RunSettings = ConsensusRunSettings | IterationRunSettings | VoteRunSettings;

/** Who started a run: the side panel, an editor command, an MCP client, the CLI. */
export type RunOrigin = 'panel' | 'command' | 'mcp' | 'cli';

/**
 * The host running the run, stamped on run-started by the host (src/app), never by the engine:
 * a later reader of the transcript tells from it whether the writer is still alive.
 */
export interface RunHost {
  origin: RunOrigin;
  /** The process id of the writer. */
  pid: number;
  /** The writer's service instance in that process (src/app/run-writer-liveness.ts). */
  instance: string;
}

export interface RunStartedEvent extends EventBase {
  type: 'run-started';
  protocol: ProtocolName;
  participants: ParticipantInfo[];
  input: ConsensusInput | VoteInput;
  /**
   * The engine's options after defaults. Absent only when the host wrote this record for a run
   * the engine never started (cancelled while queued, or the engine threw before starting).
   */
  settings?: RunSettings;
  /** Set by the host (src/app) before anyone sees the event; absent from the engine's own. */
  host?: RunHost;
}

export interface PhaseStartedEvent extends EventBase {
  type: 'phase-started';
  phase: Phase;
  round: number;
}

export interface CallStartedEvent extends EventBase {
  type: 'call-started';
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  /** 0 for the first try; 1 for the repair re-ask of malformed structured output. */
  attempt: number;
  system: string;
  messages: ChatMessage[];
}

export interface TokenDeltaEvent extends EventBase {
  type: 'token-delta';
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  delta: string;
}

export interface CallFinishedEvent extends EventBase {
  type: 'call-finished';
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  text: string;
  usage: Usage;
  latencyMs: number;
  costUsd?: number;
}

export interface CallFailedEvent extends EventBase {
  type: 'call-failed';
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  error: SerializedModelError;
  latencyMs: number;
  /** True when the engine will re-ask (repair of malformed output). */
  willRepair: boolean;
}

/**
 * A call the run no longer needed: the vote was already decided, the call was a straggler past
 * its phase's deadline, or the run was stopped with the best so far. Its partial answer is not used.
 */
export interface CallNotNeededEvent extends EventBase {
  type: 'call-not-needed';
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  reason: NotNeededReason;
  latencyMs: number;
}

export type NotNeededReason = 'decided' | 'straggler' | 'stopped';

/** The final phase was skipped: the converged merged proposals were identical. */
export interface FinalSkippedEvent extends EventBase {
  type: 'final-skipped';
  round: number;
  reason: 'identical-merged-proposals';
}

export interface ProposalEvent extends EventBase {
  type: 'proposal';
  proposal: Proposal;
}

export interface ReviewDoneEvent extends EventBase {
  type: 'review-done';
  report: ReviewerReport;
}

/** The round's one label per author, fixed before any call of the round (docs/PROTOCOL.md). */
export interface LabelsAssignedEvent extends EventBase {
  type: 'labels-assigned';
  round: number;
  seed: number;
  /** label -> author id. */
  labels: Record<string, string>;
}

/** Identities replaced in a text before a peer saw it; the original stays in its own event. */
export interface IdentityMaskedEvent extends EventBase {
  type: 'identity-masked';
  /** Whose text it was (a participant id, or the author id a caller gave). */
  authorId: string;
  round: number;
  /** Where the text came from. */
  source: 'draft' | 'merge' | 'final' | 'combined' | 'review' | 'vote';
  field: 'product' | 'rationale' | 'critique' | 'suggestions' | 'answer';
  masked: string[];
}

export interface NoticeEvent extends EventBase {
  type: 'notice';
  notice: RunNotice;
}

export interface AbstainedEvent extends EventBase {
  type: 'abstained';
  abstention: Abstention;
}

export interface RoundScoredEvent extends EventBase {
  type: 'round-scored';
  signals: RoundSignals;
}

export interface DeadlockEvent extends EventBase {
  type: 'deadlock';
  round: number;
  signal: DeadlockSignal;
  /** The English line; `measure` holds its figures (absent in events of older versions). */
  detail: string;
  measure?: DeadlockMeasure;
}

export interface CombinedEvent extends EventBase {
  type: 'combined';
  /** The product combined from the finals by majority hunks, before ratification. */
  product: string;
  /** Share of lines on which all finals agreed, 0..1. */
  agreement: number;
  /** How each differing hunk was decided. */
  decisions: { hunk: number; decidedBy: 'majority' | 'highest-score'; winnerIds: string[] }[];
}

export interface RatifiedEvent extends EventBase {
  type: 'ratified';
  ratification: Ratification;
}

export interface VoteCastEvent extends EventBase {
  type: 'vote-cast';
  participantId: string;
  answer: string;
}

/**
 * The one end of every run, the last event it emits, also when it failed or was cancelled: the
 * result says how it ended (a consensus `status`, a vote's `error`). A host files the result
 * before it broadcasts this event (docs/ARCHITECTURE.md, "The event flow").
 */
export interface RunFinishedEvent extends EventBase {
  type: 'run-finished';
  protocol: ProtocolName;
  result: ConsensusResult | VoteResult;
  /** Set by the host on the stored record of a run the user cancelled. */
  cancelled?: true;
}

/**
 * Not emitted any more: a run ends with one run-finished. Transcripts written by earlier
 * versions end a failed run with this record (often without a run-finished), so readers of
 * stored transcripts still take it as the end of a failed run.
 * @deprecated read it from old transcripts only; never emit it.
 */
export interface RunFailedEvent extends EventBase {
  type: 'run-failed';
  error: { message: string; hint?: string };
}

/**
 * The host failed to append a record to the run's transcript (emitted by the host once, at the
 * first failure; never stored in the transcript it is about). The run itself goes on.
 */
export interface TranscriptIncompleteEvent extends EventBase {
  type: 'transcript-incomplete';
}

export type RunEvent =
  | RunStartedEvent
  | PhaseStartedEvent
  | CallStartedEvent
  | TokenDeltaEvent
  | CallFinishedEvent
  | CallFailedEvent
  | CallNotNeededEvent
  | FinalSkippedEvent
  | ProposalEvent
  | ReviewDoneEvent
  | LabelsAssignedEvent
  | IdentityMaskedEvent
  | NoticeEvent
  | AbstainedEvent
  | RoundScoredEvent
  | DeadlockEvent
  | CombinedEvent
  | RatifiedEvent
  | VoteCastEvent
  | RunFinishedEvent
  | RunFailedEvent
  | TranscriptIncompleteEvent;

export type RunEventType = RunEvent['type'];

export type RunEventListener = (event: RunEvent) => void;
