/**
 * Results for runs that ended outside the engine's own protocol (the engine threw, or the run
 * is only known from a transcript that ends in run-failed), so every run has a result.
 */
import type { ConsensusInput, ConsensusResult } from '../core/consensus-types';
import type { ParticipantInfo } from '../core/participant';
import type { ProtocolName } from '../core/run-events';
import type { VoteInput, VoteResult } from '../core/vote-types';
import type { RunResult } from '../shared/council-service';

const NO_COST = {
  usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
  costUsd: 0,
  unpricedCalls: 0,
  calls: 0,
};

export interface FailedRunFacts {
  runId: string;
  protocol: ProtocolName;
  input: ConsensusInput | VoteInput;
  participants: ParticipantInfo[];
  error: { message: string; hint?: string };
  cancelled: boolean;
  startedAt: number;
  finishedAt: number;
}

export function failedResult(facts: FailedRunFacts): RunResult {
  if (facts.protocol === 'vote') {
    const input = facts.input as VoteInput;
    const vote: VoteResult = {
      runId: facts.runId,
      reached: false,
      strategy: input.strategy,
      confidence: 0,
      agreeing: [],
      responding: 0,
      clusters: [],
      dissent: [],
      answers: [],
      failed: [],
      clusteredBy: 'local-similarity',
      participants: facts.participants,
      cost: NO_COST,
      error: facts.error,
      startedAt: facts.startedAt,
      finishedAt: facts.finishedAt,
    };
    return vote;
  }
  const input = facts.input as ConsensusInput;
  const consensus: ConsensusResult = {
    runId: facts.runId,
    status: facts.cancelled ? 'cancelled' : 'failed',
    stopReason: facts.cancelled ? 'cancelled' : 'error',
    outputKind: input.outputKind,
    roundsCompleted: 0,
    converged: false,
    ratifications: [],
    minorityReport: [],
    abstentions: [],
    participants: facts.participants,
    singleVendor: new Set(facts.participants.map((p) => p.provider)).size <= 1,
    signals: [],
    cost: NO_COST,
    ...(input.context?.selection === undefined
      ? {}
      : { originalSelection: input.context.selection }),
    error: facts.error,
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
  };
  return consensus;
}

export function errorOf(error: unknown): { message: string; hint?: string } {
  if (error instanceof Error) {
    const hint = (error as { hint?: unknown }).hint;
    return {
      message: error.message,
      ...(typeof hint === 'string' && hint !== '' ? { hint } : {}),
    };
  }
  return { message: String(error) };
}
