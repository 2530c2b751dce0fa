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
import type { RunEvent } from './run-events';
import type { EngineDependencies } from './engine-dependencies';
import { isTranscriptEvent } from './transcript-record';
import type { Budget, CostSummary } from './consensus-types';

type EventBody = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'at'>
    : never
  : never;

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

  constructor(runId: string, deps: EngineDependencies) {
    this.runId = runId;
    this.clock = deps.clock ?? systemClock;
    this.cost = deps.cost ?? noCost;
    this.listener = deps.onEvent;
    this.transcript = deps.transcript;
    const parent = deps.signal;
    const onAbort = () => this.controller.abort(parent?.reason);
    if (parent?.aborted) this.controller.abort(parent.reason);
    parent?.addEventListener('abort', onAbort, { once: true });
    this.detachParentSignal = () => parent?.removeEventListener('abort', onAbort);
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
  callSignal(): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController();
    if (this.cancelled) controller.abort(this.controller.signal.reason);
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
    return { signal: controller.signal, release: () => this.callControllers.delete(controller) };
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
