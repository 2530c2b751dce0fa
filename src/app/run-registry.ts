/**
 * The runs this process is running or has run: id, TaskState, status derived from events, live
 * subscribers, cancellation and the final result. Finished results stay in memory (the oldest
 * are dropped past a cap; their transcripts still have them).
 */
import type { ParticipantInfo } from '../core/participant';
import type {
  ProtocolName,
  RunEvent,
  RunEventListener,
  RunFinishedEvent,
} from '../core/run-events';
import type { RunOrigin, RunResult, RunSummary, TaskStatus } from '../shared/council-service';
import type { Logger } from './logger';
import {
  applyEventToStatus,
  createStatusTracker,
  markCancelled,
  outcomeOfResult,
  stateOfResult,
  type StatusTracker,
} from './task-status';

const MAX_FINISHED_RUNS = 200;

export interface LiveRun {
  readonly runId: string;
  readonly protocol: ProtocolName;
  readonly origin: RunOrigin;
  readonly title: string;
  readonly participants: ParticipantInfo[];
  readonly controller: AbortController;
  /** Aborted to stop the run with the best proposal so far (status provisional, not cancelled). */
  readonly finishEarly: AbortController;
  readonly tracker: StatusTracker;
  readonly listeners: Set<RunEventListener>;
  readonly done: Promise<RunResult>;
  result?: RunResult;
  finishedAt?: number;
  /** What the run-started record carried, once written (for records the host adds itself). */
  sawRunStarted: boolean;
  sawEnd: boolean;
  /** The run's run-finished, held back until its result is filed (then broadcast). */
  heldEnd?: RunFinishedEvent;
  lastSeq: number;
  /** The latest transcript append, so the end of a run waits until its file is complete. */
  lastWrite: Promise<void>;
  /** A transcript append failed (disk full, not writable): the result and status say so. */
  transcriptIncomplete?: true;
  resolve(result: RunResult): void;
}

export interface NewRun {
  runId: string;
  protocol: ProtocolName;
  origin: RunOrigin;
  title: string;
  participants: ParticipantInfo[];
  startedAt: number;
  maxRounds?: number;
}

export class RunRegistry {
  private readonly runs = new Map<string, LiveRun>();
  private readonly watchers = new Set<RunEventListener>();

  constructor(private readonly logger: Logger) {}

  create(spec: NewRun): LiveRun {
    if (this.runs.has(spec.runId)) throw new Error(`Run ${spec.runId} already exists.`);
    let resolve: (result: RunResult) => void = () => {};
    const done = new Promise<RunResult>((settle) => {
      resolve = settle;
    });
    const run: LiveRun = {
      runId: spec.runId,
      protocol: spec.protocol,
      origin: spec.origin,
      title: spec.title,
      participants: spec.participants,
      controller: new AbortController(),
      finishEarly: new AbortController(),
      tracker: createStatusTracker(
        spec.runId,
        spec.protocol,
        spec.participants.length,
        spec.startedAt,
        spec.maxRounds,
      ),
      listeners: new Set(),
      done,
      sawRunStarted: false,
      sawEnd: false,
      lastSeq: -1,
      lastWrite: Promise.resolve(),
      resolve,
    };
    this.runs.set(spec.runId, run);
    this.evictOldFinishedRuns();
    return run;
  }

  get(runId: string): LiveRun | undefined {
    return this.runs.get(runId);
  }

  /**
   * The run while there is still something to cancel or stop: not once the engine has emitted
   * its end, even while that end is held until the result is filed (a cancel there would mark
   * a finished run cancelled).
   */
  running(runId: string): LiveRun | undefined {
    const run = this.runs.get(runId);
    return run && !run.sawEnd && !run.result ? run : undefined;
  }

  all(): LiveRun[] {
    return [...this.runs.values()];
  }

  /**
   * Fold into the status, then fan out; a throwing listener never disturbs the run. The run's
   * run-finished is held until finish() has filed the result, so whoever hears it can read the
   * result at once (docs/ARCHITECTURE.md, "The event flow").
   */
  emit(run: LiveRun, event: RunEvent): void {
    if (event.type === 'run-finished' || event.type === 'run-failed') run.sawEnd = true;
    if (event.type === 'run-finished') {
      run.heldEnd ??= event;
      return;
    }
    applyEventToStatus(run.tracker, event);
    this.fanOut(run, event);
  }

  /** Files the result, then broadcasts the run's end (carrying that result) and closes the run. */
  finish(run: LiveRun, result: RunResult, at: number): void {
    if (run.result) return;
    const cancelled = run.controller.signal.aborted;
    const end: RunFinishedEvent = {
      ...(run.heldEnd ?? { type: 'run-finished', runId: run.runId, at, protocol: run.protocol }),
      result,
      ...(cancelled ? { cancelled: true as const } : {}),
    };
    run.sawEnd = true;
    // A cancelled vote ends with an error in its result; its state is the cancel, set below.
    if (!(cancelled && run.protocol === 'vote')) applyEventToStatus(run.tracker, end);
    run.result = result;
    run.finishedAt = at;
    const state = stateOfResult(run.protocol, result, cancelled);
    if (state === 'cancelled') markCancelled(run.tracker, at);
    else if (run.tracker.status.state !== state) {
      run.tracker.status.state = state;
      run.tracker.status.progress = 1;
      run.tracker.status.updatedAt = at;
    }
    this.fanOut(run, end);
    run.listeners.clear();
    run.resolve(result);
  }

  private fanOut(run: LiveRun, event: RunEvent): void {
    for (const listener of [...run.listeners, ...this.watchers]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`a run event listener failed: ${String(error)}`);
      }
    }
  }

  subscribe(runId: string, listener: RunEventListener): () => void {
    const run = this.runs.get(runId);
    if (!run || run.result) return () => {};
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  watchAll(listener: RunEventListener): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  status(run: LiveRun): TaskStatus {
    const status = run.tracker.status;
    return { ...status, ...(status.signals ? { signals: status.signals } : {}) };
  }

  summary(run: LiveRun): RunSummary {
    return {
      runId: run.runId,
      protocol: run.protocol,
      title: run.title,
      state: run.tracker.status.state,
      ...(run.result ? { outcome: outcomeOfResult(run.protocol, run.result) } : {}),
      origin: run.origin,
      participants: run.participants,
      startedAt: run.tracker.status.startedAt,
      ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
    };
  }

  dispose(): void {
    for (const run of this.runs.values()) {
      if (this.running(run.runId)) run.controller.abort();
      run.listeners.clear();
    }
    this.watchers.clear();
  }

  private evictOldFinishedRuns(): void {
    const finished = [...this.runs.values()].filter((run) => run.result);
    for (const run of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_RUNS))) {
      this.runs.delete(run.runId);
    }
  }
}
