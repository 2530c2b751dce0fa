/**
 * Questions about runs, live or stored: status, result (now or once it ends), the list of
 * runs, the transcript. A run this process holds is answered from the registry; any other
 * from its transcript, so a run of an earlier session (or another process) still answers.
 */
import type { TranscriptRecord } from '../core/transcript-record';
import { isValidRunId } from '../core/run-id';
import type { RunResult, RunSummary, TaskStatus } from '../shared/council-service';
import { errorOf } from './failed-result';
import type { Logger } from './logger';
import { resultFromTranscript, statusFromTranscript } from './run-from-transcript';
import type { RunRegistry } from './run-registry';
import { writerIsAlive, writerOf } from './run-writer-liveness';
import type { TranscriptStore } from './transcript-store';

/** Settles like `promise`, or rejects when `signal` aborts first (the run goes on). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new Error('Stopped waiting.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export class RunQueries {
  constructor(
    private readonly registry: RunRegistry,
    private readonly store: TranscriptStore,
    private readonly logger: Logger,
  ) {}

  /** A stored run's records; none for an id that is not a plain file name. */
  async readTranscript(runId: string): Promise<TranscriptRecord[]> {
    if (!isValidRunId(runId)) return [];
    return this.store.read(runId);
  }

  async getStatus(runId: string): Promise<TaskStatus | undefined> {
    const run = this.registry.get(runId);
    if (run) return this.registry.status(run);
    const records = await this.readTranscript(runId);
    return statusFromTranscript(runId, records, writerAlive(records));
  }

  async waitForResult(runId: string, signal?: AbortSignal): Promise<RunResult> {
    const run = this.registry.get(runId);
    if (run) return signal ? untilAborted(run.done, signal) : run.done;
    const records = await this.readTranscript(runId);
    const result = resultFromTranscript(runId, records);
    if (result) return result;
    if (records.length === 0) throw new Error(`Unknown run id: ${runId}`);
    throw new Error(
      `Run ${runId} was interrupted before it finished (its process ended); it has no result. Its transcript is kept.`,
    );
  }

  async getResult(runId: string): Promise<RunResult | undefined> {
    const run = this.registry.get(runId);
    if (run) return run.result;
    return resultFromTranscript(runId, await this.readTranscript(runId));
  }

  /** Stored and live runs, newest first; a live run's own summary wins over its file's. */
  async listRuns(): Promise<RunSummary[]> {
    const stored = await this.store.list().catch((error: unknown) => {
      this.logger.warn(`could not list past runs: ${errorOf(error).message}`);
      return [] as RunSummary[];
    });
    const live = new Map(this.registry.all().map((run) => [run.runId, this.registry.summary(run)]));
    const merged = stored.map((summary) => {
      const fromRegistry = live.get(summary.runId);
      if (fromRegistry) {
        live.delete(summary.runId);
        return fromRegistry;
      }
      return summary;
    });
    return [...live.values(), ...merged].sort((a, b) => b.startedAt - a.startedAt);
  }
}

/** Whether the process that wrote run-started is still running (so the run is not interrupted). */
function writerAlive(records: TranscriptRecord[]): boolean {
  const started = records.find((record) => record.type === 'run-started');
  return started?.type === 'run-started' && writerIsAlive(writerOf(started));
}
