/** Inputs and outputs of the engine's single-step operations (MCP tools run_iteration, check_convergence, merge_results). */
import type {
  CodeContext,
  ImprovementRoom,
  OutputKind,
  PeerReview,
  Proposal,
  RoundSignals,
  Thresholds,
  CostSummary,
  Abstention,
} from './consensus-types';
import type { ParticipantInfo } from './participant';

export interface IterationInput {
  task: string;
  outputKind: OutputKind;
  context?: CodeContext;
  /** Current proposals; authorId may be any caller-chosen id (e.g. "A", "B"). */
  proposals: { authorId: string; product: string; rationale?: string }[];
  round?: number;
  thresholds?: Partial<Thresholds>;
  seed?: number;
  runId?: string;
}

export interface IterationResult {
  runId: string;
  round: number;
  reviews: PeerReview[];
  improvementRoom: Record<string, ImprovementRoom>;
  merged: Proposal[];
  signals: RoundSignals;
  abstentions: Abstention[];
  participants: ParticipantInfo[];
  cost: CostSummary;
}

export interface ConvergenceCheckInput {
  proposals: { authorId: string; product: string }[];
  /** Peer scores of these proposals: reviewer -> author -> score 1..10. */
  scores?: { reviewerId: string; authorId: string; score: number; majorIssues?: number }[];
  improvementRoom?: Record<string, ImprovementRoom>;
  round?: number;
  maxRounds?: number;
  thresholds?: Partial<Thresholds>;
  previousMeanScore?: number;
}

export interface FinalVersion {
  participantId: string;
  product: string;
  /** Mean peer score, used only to break ties where no majority exists. */
  meanScore?: number;
}

export interface CombineResult {
  product: string;
  /** Share of lines on which all finals agree, 0..1. */
  agreement: number;
  decisions: { hunk: number; decidedBy: 'majority' | 'highest-score'; winnerIds: string[] }[];
}

export interface ParticipantMatch {
  participant: ParticipantInfo;
  /** 0..1. */
  score: number;
  matchedSkills: string[];
  recommendation: string;
}

export interface RunEstimate {
  minCalls: number;
  maxCalls: number;
  minCostUsd?: number;
  maxCostUsd?: number;
  /** Calls of models with no known price. */
  unpricedCalls: number;
  /** Ids of the participants no price source knows (their cost is not in the range above). */
  unpricedParticipants?: string[];
}
