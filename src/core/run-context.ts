/**
 * The per-run plumbing every phase shares: event emission, the ordered transcript queue,
 * usage and cost totals, the budget, and cancellation. Phases stay free of bookkeeping.
 */
import { addUsage, ZERO_USAGE, type Usage } from './language-model';
import {
  noCost,
  systemClock,
  type Clock,
  type CostEstimator,
  type TranscriptSink,
} from './host-services';
import type { NotNeededReason, RunEvent } from './run-events';
import type { Phase } from './consensus-types';
import type { EngineDependencies } from './engine-dependencies';
import { isTranscriptEvent } from './transcript-record';
import type { Budget, CostSummary } from './consensus-types';

type EventBody = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'at'>
    : never
  : never;

/** A model call between its call-started event and its outcome. */
export interface InFlightCall {
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  startedAt: number;
}

export class RunContext {
  readonly runId: string;
  readonly clock: Clock;
  readonly cost: CostEstimator;
  readonly controller = new AbortController();
  private readonly listener: EngineDependencies['onEvent'];
  private readonly transcript: TranscriptSink | undefined;
  private transcriptQueue: Promise<void> = Promise.resolve();
  private transcriptError: unknown;
  private seq = 0;
  /** Set by the run-finished event; nothing is emitted after it. */
  private ended = false;
  private callSeq = 0;
  private usageTotal: Usage = ZERO_USAGE;
  private costTotal = 0;
  private unpricedCalls = 0;
  private unpricedTokens = 0;
  private budgetHit: CostSummary['budgetHit'];
  private calls = 0;
  private readonly detachParentSignal: () => void;
  /** Set when the run was asked to stop and keep the best so far (status `provisional`). */
  private stoppedEarly = false;
  /**
   * Set when the caller cancels (`deps.signal`). Its own flag, because a stop with the best so far
   * aborts the same controller first and a later cancel must still end the run `cancelled`.
   */
  private cancelRequested = false;

  constructor(runId: string, deps: EngineDependencies) {
    this.runId = runId;
    this.clock = deps.clock ?? systemClock;
    this.cost = deps.cost ?? noCost;
    this.listener = deps.onEvent;
    this.transcript = deps.transcript;
    const parent = deps.signal;
    const onAbort = () => {
      this.cancelRequested = true;
      this.controller.abort(parent?.reason);
    };
    if (parent?.aborted) onAbort();
    parent?.addEventListener('abort', onAbort, { once: true });
    const early = deps.finishEarly;
    const onFinishEarly = () => this.finishEarly();
    if (early?.aborted) queueMicrotask(onFinishEarly);
    early?.addEventListener('abort', onFinishEarly, { once: true });
    this.detachParentSignal = () => {
      parent?.removeEventListener('abort', onAbort);
      early?.removeEventListener('abort', onFinishEarly);
    };
  }

  /** True once the run was asked to stop with the best so far (not a plain cancel). */
  get finishingEarly(): boolean {
    return this.stoppedEarly;
  }

  /** True once the caller cancelled the run, even after a stop with the best so far. */
  get cancelledOutright(): boolean {
    return this.cancelRequested;
  }

  /**
   * Stop now and keep the best so far: the calls in flight are recorded as not needed, then
   * aborted like a cancel; the protocol reads `finishingEarly` to end `provisional`, not `cancelled`.
   */
  finishEarly(): void {
    if (this.ended || this.cancelled) return;
    this.stoppedEarly = true;
    this.abandonInFlight('stopped');
    this.controller.abort('stopped');
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private readonly callControllers = new Set<AbortController>();
  private listeningForCalls = false;

  /**
   * A signal for one model call, aborted with the run. One listener on the run signal serves
   * every call (SDKs add their own listeners to the signal they get; sharing one signal across
   * dozens of calls trips Node's listener-leak warning).
   */
  callSignal(
    info?: InFlightCall,
    stop?: AbortSignal,
  ): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController();
    if (this.cancelled) controller.abort(this.controller.signal.reason);
    const onStop = () => controller.abort(stop?.reason);
    if (stop?.aborted) onStop();
    stop?.addEventListener('abort', onStop, { once: true });
    if (info) this.inFlight.set(info.callId, info);
    if (!this.listeningForCalls) {
      this.listeningForCalls = true;
      this.controller.signal.addEventListener(
        'abort',
        () => {
          for (const call of this.callControllers) call.abort(this.controller.signal.reason);
        },
        { once: true },
      );
    }
    this.callControllers.add(controller);
    return {
      signal: controller.signal,
      release: () => {
        this.callControllers.delete(controller);
        stop?.removeEventListener('abort', onStop);
        if (info) this.inFlight.delete(info.callId);
      },
    };
  }

  private readonly inFlight = new Map<string, InFlightCall>();

  /** Records every call still in flight as not needed and aborts it (the run does not wait for it). */
  abandonInFlight(reason: NotNeededReason): void {
    const calls = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const call of calls)
      this.emit({
        type: 'call-not-needed',
        callId: call.callId,
        participantId: call.participantId,
        phase: call.phase,
        round: call.round,
        reason,
        latencyMs: this.clock.now() - call.startedAt,
      });
    for (const controller of this.callControllers) controller.abort(reason);
  }

  /** Whether this call was already recorded as not needed (nothing more is recorded for it). */
  wasAbandoned(callId: string): boolean {
    return !this.inFlight.has(callId);
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  nextCallId(participantId: string): string {
    this.callSeq += 1;
    return `${this.runId}:${this.callSeq}:${participantId}`;
  }

  /** Emits to the listener at once; queues the transcript append so order is kept and no call waits on disk. */
  emit(body: EventBody): void {
    // A handler still settling after the run ended (cancelled mid-phase) adds nothing: the end
    // record is the transcript's last.
    if (this.ended) return;
    if (body.type === 'run-finished') this.ended = true;
    const event = { ...body, runId: this.runId, at: this.clock.now() } as RunEvent;
    try {
      this.listener?.(event);
    } catch {
      // A faulty listener must not break the run; the transcript still gets the event.
    }
    if (this.transcript && isTranscriptEvent(event)) {
      const record = { ...event, seq: this.seq++ };
      const sink = this.transcript;
      this.transcriptQueue = this.transcriptQueue.then(() =>
        sink.append(this.runId, record).catch((error: unknown) => {
          this.transcriptError ??= error;
        }),
      );
    }
  }

  /** Waits until every queued transcript record is appended. */
  async flush(): Promise<void> {
    await this.transcriptQueue;
  }

  get transcriptFailure(): unknown {
    return this.transcriptError;
  }

  recordUsage(provider: string, modelId: string, usage: Usage): number | undefined {
    this.calls += 1;
    this.usageTotal = addUsage(this.usageTotal, usage);
    const cost = this.cost.costOf(provider, modelId, usage);
    if (cost === undefined) {
      this.unpricedCalls += 1;
      this.unpricedTokens += usage.inputTokens + usage.outputTokens;
    } else this.costTotal += cost;
    return cost;
  }

  summary(): CostSummary {
    return {
      usage: this.usageTotal,
      costUsd: this.costTotal,
      unpricedCalls: this.unpricedCalls,
      calls: this.calls,
      ...(this.budgetHit === undefined ? {} : { budgetHit: this.budgetHit }),
    };
  }

  /** True when spending like the average call so far for `nextCalls` more calls would exceed the budget. */
  wouldExceed(budget: Budget | undefined, nextCalls: number): boolean {
    if (!budget || this.calls === 0) return false;
    this.budgetHit = this.exceededLimit(budget, nextCalls);
    return this.budgetHit !== undefined;
  }

  private exceededLimit(budget: Budget, nextCalls: number): CostSummary['budgetHit'] {
    const tokensSoFar = this.usageTotal.inputTokens + this.usageTotal.outputTokens;
    if (budget.maxTotalTokens !== undefined) {
      const projected = tokensSoFar + (tokensSoFar / this.calls) * nextCalls;
      if (projected > budget.maxTotalTokens) return 'tokens';
    }
    if (budget.maxCostUsd !== undefined) {
      const projected = this.costTotal + (this.costTotal / this.calls) * nextCalls;
      if (projected > budget.maxCostUsd) return 'cost';
    }
    if (budget.maxUnpricedTokens !== undefined && this.unpricedCalls > 0) {
      // The next calls are unpriced in the share seen so far.
      const nextUnpriced = (nextCalls * this.unpricedCalls) / this.calls;
      const perCall = this.unpricedTokens / this.unpricedCalls;
      if (this.unpricedTokens + perCall * nextUnpriced > budget.maxUnpricedTokens) {
        return 'unpriced-tokens';
      }
    }
    return undefined;
  }

  dispose(): void {
    this.detachParentSignal();
  }
}
