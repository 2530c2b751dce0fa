/**
 * Bounded work per process: at most `maxConcurrentRuns` runs execute at once, up to
 * `maxQueuedRuns` more wait their turn (state `queued`), and past that a new run is refused with
 * a clear error. The session spend cap refuses a run once the runs of this process have spent it.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { ConfigurationError } from './configuration-error';

export interface RunLimits {
  maxConcurrentRuns: number;
  maxQueuedRuns: number;
  /** US dollars all runs of this process may spend together; undefined = no cap. */
  sessionSpendCapUsd?: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = { maxConcurrentRuns: 4, maxQueuedRuns: 100 };

export class RunAdmission {
  private readonly limit: LimitFunction;
  private spentUsd = 0;
  /** Runs admitted and not yet ended (running or queued). */
  private admitted = 0;

  constructor(private readonly limits: RunLimits = DEFAULT_RUN_LIMITS) {
    this.limit = pLimit(Math.max(1, limits.maxConcurrentRuns));
  }

  /** Admits a run (it holds a place until its slot's release), or throws a clear error. */
  admit(): void {
    const cap = this.limits.sessionSpendCapUsd;
    if (cap !== undefined && this.spentUsd >= cap) {
      throw Object.assign(
        new ConfigurationError(
          `Not started: the runs of this session have spent $${this.spentUsd.toFixed(2)}, which reaches the session spend cap of $${cap.toFixed(2)}.`,
        ),
        {
          hint: 'Raise multiLlm.sessionSpendCapUsd (MLO_SESSION_SPEND_CAP_USD), or start a new session.',
        },
      );
    }
    const running = Math.min(this.admitted, this.limit.concurrency);
    const waiting = this.admitted - running;
    if (waiting >= this.limits.maxQueuedRuns) {
      throw Object.assign(
        new ConfigurationError(
          `Not started: ${running} runs are running and ${waiting} are queued, the most this process takes (at most ${this.limit.concurrency} run at once).`,
        ),
        {
          hint: 'Wait for a run to finish (get_task_status), or cancel one, then start again. The limits: multiLlm.maxConcurrentRuns / MLO_MAX_CONCURRENT_RUNS.',
        },
      );
    }
    this.admitted += 1;
  }

  /** Money the session has left under its cap (undefined = no cap). */
  remainingUsd(): number | undefined {
    const cap = this.limits.sessionSpendCapUsd;
    return cap === undefined ? undefined : Math.max(0, cap - this.spentUsd);
  }

  /** A finished run's cost counts toward the session cap. */
  record(costUsd: number | undefined): void {
    if (costUsd !== undefined && Number.isFinite(costUsd)) this.spentUsd += costUsd;
  }

  /**
   * Waits for a slot; `onQueued` says how many runs are ahead when it has to wait. Resolves to
   * the release function, or at once (holding nothing) when `signal` aborts while waiting.
   */
  slot(signal: AbortSignal, onQueued: (ahead: number) => void): Promise<() => void> {
    const mustWait = this.limit.activeCount + this.limit.pendingCount >= this.limit.concurrency;
    const ahead = this.limit.pendingCount;
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      this.admitted -= 1;
    };
    return new Promise((resolve) => {
      let abandoned = false;
      const onAbort = (): void => {
        abandoned = true;
        resolve(leave);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void this.limit(
        () =>
          new Promise<void>((release) => {
            signal.removeEventListener('abort', onAbort);
            if (abandoned) return release();
            resolve(() => {
              leave();
              release();
            });
          }),
      );
      if (mustWait) onQueued(ahead);
    });
  }
}

function positiveNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * MLO_MAX_CONCURRENT_RUNS, MLO_MAX_QUEUED_RUNS, MLO_SESSION_SPEND_CAP_USD and
 * MLO_MAX_CONCURRENT_MODEL_CALLS (standalone MCP server, CLI).
 */
export function runLimitsFromEnvironment(
  env: NodeJS.ProcessEnv,
): RunLimits & { maxConcurrentModelCalls?: number } {
  const spend = positiveNumber(env.MLO_SESSION_SPEND_CAP_USD);
  const calls = positiveNumber(env.MLO_MAX_CONCURRENT_MODEL_CALLS);
  return {
    ...(calls !== undefined ? { maxConcurrentModelCalls: Math.floor(calls) } : {}),
    maxConcurrentRuns: Math.floor(
      positiveNumber(env.MLO_MAX_CONCURRENT_RUNS) ?? DEFAULT_RUN_LIMITS.maxConcurrentRuns,
    ),
    maxQueuedRuns: Math.floor(
      positiveNumber(env.MLO_MAX_QUEUED_RUNS) ?? DEFAULT_RUN_LIMITS.maxQueuedRuns,
    ),
    ...(spend !== undefined ? { sessionSpendCapUsd: spend } : {}),
  };
}
