/** The quick vote (docs/PROTOCOL.md). */
import type { ParticipantInfo } from './participant';
import type { SerializedModelError } from './model-error';
import type { CostSummary } from './consensus-types';
import type { JudgeFallback } from './judge-fallback';

export type VoteStrategy = 'majority' | 'supermajority' | 'unanimous';

export interface VoteInput {
  question: string;
  strategy: VoteStrategy;
  /** Optional context text given to every voter. */
  context?: string;
  /** Seed of the judge's shuffled order; random when absent. Recorded in the transcript. */
  seed?: number;
  runId?: string;
}

export interface VoteAnswer {
  participantId: string;
  answer: string;
}

export interface VoteCluster {
  /** A representative answer for the cluster. */
  answer: string;
  participantIds: string[];
}

export interface VoteResult {
  runId: string;
  reached: boolean;
  strategy: VoteStrategy;
  winningAnswer?: string;
  /** agreeing / responding, 0..1. */
  confidence: number;
  agreeing: string[];
  responding: number;
  clusters: VoteCluster[];
  dissent: VoteAnswer[];
  answers: VoteAnswer[];
  failed: { participantId: string; error: SerializedModelError }[];
  /**
   * Voters whose answer could no longer change the verdict: the poll returned without them and
   * their calls were aborted (recorded as call-not-needed). Neither responding nor failed.
   */
  notNeeded?: string[];
  /** 'model' when a judge model grouped the answers, 'local-similarity' for the fallback. */
  clusteredBy: 'model' | 'local-similarity';
  judge?: ParticipantInfo;
  /** Why the answers were grouped locally, by kind (src/core/judge-fallback.ts). */
  judgeFallback?: JudgeFallback;
  /** The same in English. */
  judgeFallbackReason?: string;
  participants: ParticipantInfo[];
  cost: CostSummary;
  error?: { message: string; hint?: string };
  /** The host could not write every record of the run's transcript (disk full, not writable). */
  transcriptIncomplete?: true;
  startedAt: number;
  finishedAt: number;
}
