/** The shapes of the panel's view of one run (built by reduce-run-view.ts). */
import type { Usage } from '../core/language-model';
import type { ParticipantInfo } from '../core/participant';
import type { SerializedModelError } from '../core/model-error';
import type { NotNeededReason, ProtocolName } from '../core/run-events';
import type {
  Abstention,
  ConsensusResult,
  DeadlockMeasure,
  DeadlockSignal,
  RunNotice,
  OutputKind,
  Phase,
  Proposal,
  Ratification,
  ReviewerReport,
  RoundSignals,
  Thresholds,
} from '../core/consensus-types';
import type { VoteResult } from '../core/vote-types';

export type RunViewStatus = 'running' | 'finished' | 'failed';

export interface CallView {
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  attempt: number;
  /** Streamed text so far; the final text once the call finished. */
  text: string;
  status: 'streaming' | 'done' | 'failed' | 'not-needed';
  /** Why the run stopped waiting for this call (the vote was decided, a straggler, stopped). */
  notNeeded?: NotNeededReason;
  usage?: Usage;
  costUsd?: number;
  error?: SerializedModelError;
}

export interface RoundView {
  round: number;
  proposals: Proposal[];
  reviews: ReviewerReport[];
  signals?: RoundSignals;
  /** `measure`: the signal's figures, for the panel's language (absent in older transcripts). */
  deadlock?: { signal: DeadlockSignal; detail: string; measure?: DeadlockMeasure };
  /** E.g. no usable review arrived in this round (its scores are unknown). */
  notice?: RunNotice;
}

export interface CostView {
  usage: Usage;
  costUsd: number;
  unpricedCalls: number;
  calls: number;
}

export interface RunViewState {
  runId: string;
  protocol: ProtocolName;
  /** The task (consensus) or the question (vote). */
  task: string;
  outputKind: OutputKind;
  participants: ParticipantInfo[];
  maxRounds: number;
  thresholds: Thresholds;
  status: RunViewStatus;
  phase?: Phase;
  round: number;
  /** Every model call in order of start; the panel streams the latest per participant. */
  calls: CallView[];
  rounds: RoundView[];
  abstentions: Abstention[];
  ratifications: Ratification[];
  combined?: { product: string; agreement: number };
  votes: { participantId: string; answer: string }[];
  consensusResult?: ConsensusResult;
  voteResult?: VoteResult;
  error?: { message: string; hint?: string };
  /** The final versions were skipped: the converged merged proposals were identical. */
  finalSkipped?: { round: number };
  /** The host could not write every record of this run's transcript (disk full). */
  transcriptIncomplete?: true;
  cost: CostView;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
}
