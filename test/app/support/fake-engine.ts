/**
 * A stand-in for the engine's runConsensus/runVote that follows the EngineDependencies contract
 * (events, numbered transcript records, cancellation) without calling any model, so the run
 * services can be tested on their own. `gate` holds the run after its first call until opened.
 */
import type { ConsensusInput, ConsensusResult } from '../../../src/core/consensus-types';
import type { EngineDependencies, VoteDependencies } from '../../../src/core/engine-dependencies';
import type { RunEvent } from '../../../src/core/run-events';
import type { TranscriptRecord } from '../../../src/core/transcript-record';
import type { VoteInput, VoteResult } from '../../../src/core/vote-types';
import { toParticipantInfo } from '../../../src/core/participant';
import { DEFAULT_THRESHOLDS } from '../../../src/core/run-defaults';

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function createGate(): Gate {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

type EventBody = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'at'>
    : never
  : never;

function emitter(runId: string, deps: EngineDependencies) {
  let seq = 0;
  return async (event: EventBody) => {
    const full = { ...event, runId, at: Date.now() } as RunEvent;
    deps.onEvent?.(full);
    if (full.type !== 'token-delta') {
      // Like the real engine (run-context.ts): a failed append never stops the run.
      await deps.transcript
        ?.append(runId, { ...full, seq: seq++ } as TranscriptRecord)
        .catch(() => {});
    }
  };
}

const NO_COST = {
  usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
  costUsd: 0,
  unpricedCalls: 0,
  calls: 0,
};

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export function fakeRunConsensus(gate?: Gate) {
  return async (input: ConsensusInput, deps: EngineDependencies): Promise<ConsensusResult> => {
    const runId = input.runId ?? 'generated';
    const emit = emitter(runId, deps);
    const participants = deps.participants.map(toParticipantInfo);
    const startedAt = Date.now();
    await emit({
      type: 'run-started',
      protocol: 'consensus',
      participants,
      input,
      settings: {
        maxRounds: input.maxRounds ?? 4,
        thresholds: DEFAULT_THRESHOLDS,
        seed: 1,
        budget: null,
        singleVendor: false,
        scheduling: { mode: 'dataflow', alwaysRunFinal: false },
      },
    });
    await emit({ type: 'phase-started', phase: 'draft', round: 1 });
    const first = deps.participants[0]!;
    const response = await first.languageModel.generate({
      system: 'draft',
      messages: [{ role: 'user', content: `<task>${input.task}</task>` }],
      signal: deps.signal ?? new AbortController().signal,
    });
    await emit({
      type: 'call-finished',
      callId: 'c1',
      participantId: first.id,
      phase: 'draft',
      round: 1,
      text: response.text,
      usage: response.usage,
      latencyMs: 1,
    });
    let cancelled = false;
    if (gate) {
      await Promise.race([gate.promise, aborted(deps.signal)]);
      cancelled = deps.signal?.aborted ?? false;
    }
    const result: ConsensusResult = {
      runId,
      status: cancelled ? 'cancelled' : 'unanimous',
      stopReason: cancelled ? 'cancelled' : 'converged',
      product: cancelled ? undefined : `product of ${input.task}`,
      outputKind: input.outputKind,
      roundsCompleted: 1,
      converged: !cancelled,
      ratifications: [],
      minorityReport: [],
      abstentions: [],
      participants,
      singleVendor: new Set(participants.map((p) => p.provider)).size === 1,
      signals: [],
      cost: NO_COST,
      startedAt,
      finishedAt: Date.now(),
    };
    await emit({ type: 'run-finished', protocol: 'consensus', result });
    return result;
  };
}

export function fakeRunVote() {
  return async (input: VoteInput, deps: VoteDependencies): Promise<VoteResult> => {
    const runId = input.runId ?? 'generated';
    const emit = emitter(runId, deps);
    const participants = deps.participants.map(toParticipantInfo);
    await emit({
      type: 'run-started',
      protocol: 'vote',
      participants,
      input,
    });
    const result: VoteResult = {
      runId,
      reached: true,
      strategy: input.strategy,
      winningAnswer: 'yes',
      confidence: 1,
      agreeing: participants.map((p) => p.id),
      responding: participants.length,
      clusters: [],
      dissent: [],
      answers: [],
      failed: [],
      clusteredBy: deps.judge ? 'model' : 'local-similarity',
      ...(deps.judge ? { judge: toParticipantInfo(deps.judge) } : {}),
      participants,
      cost: NO_COST,
      startedAt: Date.now(),
      finishedAt: Date.now(),
    };
    await emit({ type: 'run-finished', protocol: 'vote', result });
    return result;
  };
}
