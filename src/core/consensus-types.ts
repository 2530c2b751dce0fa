/** The data of the Consensus Protocol v2 (docs/PROTOCOL.md). */
import type { Usage } from './language-model';
import type { ParticipantInfo } from './participant';
import type { SerializedModelError } from './model-error';

export type OutputKind = 'code' | 'text';

export interface CodeContext {
  /** The selected code (the text the product replaces, for output kind `code`). */
  selection: string;
  filePath?: string;
  languageId?: string;
  /** Extra context: surrounding code, other files, notes. Never replaced. */
  extra?: string;
}

export interface Thresholds {
  /** (c) max pairwise normalised diff between merged proposals; default 0.15. */
  maxTextDivergence: number;
  /** (b) max − min of mean peer scores must be below this; default 1.0. */
  maxScoreSpread: number;
  /** (a) every participant's improvementRoom must be at most this; default 'minor'. */
  maxImprovementRoom: ImprovementRoom;
}

export interface Budget {
  maxTotalTokens?: number;
  maxCostUsd?: number;
  /**
   * Tokens the calls of unpriced models may spend (set by the host when a cost budget meets a
   * model no price source knows), so such calls are held to a token budget instead of costing $0.
   */
  maxUnpricedTokens?: number;
}

export interface ConsensusInput {
  task: string;
  context?: CodeContext;
  outputKind: OutputKind;
  /** 1..8, default 4. */
  maxRounds?: number;
  thresholds?: Partial<Thresholds>;
  budget?: Budget;
  /** Seed for the per-reviewer shuffles; random when absent. Recorded in the transcript. */
  seed?: number;
  /** Run id chosen by the host (for transcripts it already opened); generated when absent. */
  runId?: string;
  /** When calls start and what may be skipped (docs/PROTOCOL.md "Scheduling"). */
  scheduling?: SchedulingOptions;
}

export interface SchedulingOptions {
  /**
   * 'dataflow' (default): each call starts as soon as its inputs exist. 'barrier': every phase
   * waits for the whole previous phase (the old schedule, kept for comparison).
   */
  mode?: 'dataflow' | 'barrier';
  /**
   * Straggler deadline, off when absent: once a quorum of a phase answered, a participant slower
   * than this factor times the quorum's latency abstains from that phase. At least 1.
   */
  stragglerFactor?: number;
  /** Run the final phase even when the converged merged proposals are identical. */
  alwaysRunFinal?: boolean;
}

/** The scheduling options after defaults, as a run records them in its run-started event. */
export interface ResolvedScheduling {
  mode: 'dataflow' | 'barrier';
  stragglerFactor?: number;
  alwaysRunFinal: boolean;
}

export type ImprovementRoom = 'none' | 'minor' | 'major';

/** Every proposal keeps the product apart from the rationale (docs/PROTOCOL.md). */
export interface Proposal {
  participantId: string;
  round: number;
  phase: 'draft' | 'merge' | 'final';
  /** For `code`: the complete replacement for the selection. For `text`: the document. */
  product: string;
  rationale: string;
  /** Merge phase: which critique it accepted or rejected, and why. */
  critiqueResponse?: string[];
}

export type AgreementOutlook = 'agree' | 'close' | 'far';

export interface PeerReview {
  reviewerId: string;
  authorId: string;
  /** The neutral label the reviewer saw ("Proposal B"). */
  label: string;
  round: number;
  score: number; // 1..10
  critique: string[];
  suggestions: string[];
  agreementOutlook: AgreementOutlook;
  /** Critique points the reviewer marked as major issues. */
  majorIssues: number;
}

export interface ReviewerReport {
  reviewerId: string;
  round: number;
  improvementRoom: ImprovementRoom;
  reviews: PeerReview[];
  /** label -> author participant id of the proposals shown (the round's labels). */
  labelMap: Record<string, string>;
  /** The labels in the order this reviewer saw them (its seeded shuffle). */
  shownOrder?: string[];
  shuffleSeed: number;
  /** Shown labels this reviewer gave no usable review for, even after the repair re-ask. */
  missingLabels?: string[];
  /** Reviews whose label matched nothing shown (ignored; their text is in the call record). */
  unmatchedReviews?: number;
}

export type ConvergenceCondition =
  'improvementRoom' | 'scoreSpread' | 'textDivergence' | 'roundCap';

export interface ConditionVerdict {
  condition: ConvergenceCondition;
  holds: boolean;
  value: number | string;
  threshold: number | string;
}

export interface RoundSignals {
  round: number;
  textDivergence: number;
  /** Pairwise divergence between merged proposals, keyed "idA|idB". */
  pairwiseDivergence: Record<string, number>;
  /** null = unknown: no usable score arrived (see `cause`). */
  scoreSpread: number | null;
  /** Set when the round could not be judged on its scores. */
  cause?: RoundCause;
  /** Mean peer score per proposal author for the proposals scored this round. */
  meanScores: Record<string, number>;
  improvementRoom: Record<string, ImprovementRoom>;
  majorIssueCount: number;
  /** Mean of all peer scores this round minus last round's; undefined in round 1. */
  scoreMovement?: number;
  verdicts: ConditionVerdict[];
  converged: boolean;
}

/** Why a round's scores say nothing (docs/PROTOCOL.md "Signals"). */
export type RoundCause = 'no-usable-reviews';

export type DeadlockSignal = 'frozen-scores' | 'repeated-critique' | 'no-new-information';

/**
 * The figures behind a deadlock signal (src/core/detect-deadlock.ts), so a host can say them in
 * its own language; shares are 0..1, a round of 0 stands for the drafts.
 */
export type DeadlockMeasure =
  | { signal: 'frozen-scores'; moves: [number, number]; limit: number }
  | { signal: 'repeated-critique'; similarity: number; round: number; previousRound: number }
  | { signal: 'no-new-information'; change: number; sinceRound: number; limit: number };

export type RatificationVote = 'approve' | 'approve-with-reservations' | 'object';

export interface Ratification {
  participantId: string;
  vote: RatificationVote;
  reasons: string[];
}

export interface Abstention {
  participantId: string;
  phase: Phase;
  round: number;
  error: SerializedModelError;
  /** True when this abstention took the participant out of the rest of the run. */
  droppedOut?: boolean;
  /** True when it sat out this phase for passing the straggler deadline (asked again next phase). */
  straggler?: boolean;
}

export type Phase = 'draft' | 'review' | 'merge' | 'final' | 'ratify' | 'vote' | 'judge';

export type ConsensusStatus =
  'unanimous' | 'majority' | 'provisional' | 'deadlock' | 'budget' | 'cancelled' | 'failed';

export type StopReason =
  | 'converged'
  | 'round-cap'
  | 'deadlock'
  | 'budget'
  | 'cancelled'
  /** Stopped by the user with the best proposal so far (status `provisional`). */
  | 'stopped'
  /**
   * Two review rounds in a row brought no usable review, so the council could not score its
   * proposals (status `provisional`, docs/PROTOCOL.md "Signals"); not a deadlock.
   */
  | 'no-usable-reviews'
  | 'no-quorum'
  | 'error';

export interface CostSummary {
  usage: Usage;
  /** Sum of the known call costs, USD. */
  costUsd: number;
  /** Calls with no known price (cost not included above). */
  unpricedCalls: number;
  calls: number;
  /** Which limit stopped the run, when a budget did. */
  budgetHit?: 'tokens' | 'cost' | 'unpriced-tokens';
}

/** Something the user should know about a run, with what to do (docs/PROTOCOL.md "Signals"). */
export interface RunNotice {
  cause: RoundCause;
  round: number;
  message: string;
  hint: string;
}

export interface ConsensusResult {
  runId: string;
  status: ConsensusStatus;
  stopReason: StopReason;
  /** The agreed (or provisional best) product; absent only when the run failed before any proposal. */
  product?: string;
  rationale?: string;
  outputKind: OutputKind;
  roundsCompleted: number;
  converged: boolean;
  deadlockSignal?: DeadlockSignal;
  /** What went wrong without stopping the run (e.g. a round with no usable reviews). */
  notices?: RunNotice[];
  /** True when the final phase was skipped because the converged merged proposals were identical. */
  finalSkipped?: boolean;
  ratifications: Ratification[];
  /** Objections and reservations, kept as the dissent. */
  minorityReport: Ratification[];
  abstentions: Abstention[];
  participants: ParticipantInfo[];
  singleVendor: boolean;
  signals: RoundSignals[];
  cost: CostSummary;
  /** For output kind `code`: the text the product replaces, as captured at request time. */
  originalSelection?: string;
  error?: { message: string; hint?: string };
  /** The host could not write every record of the run's transcript (disk full, not writable). */
  transcriptIncomplete?: true;
  startedAt: number;
  finishedAt: number;
}
