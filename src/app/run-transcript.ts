/**
 * The transcript of one live run: every engine record appended in order, run-started stamped
 * with the host facts (origin, process, writer instance) that tell a later reader whether the
 * run is still being written, and run-finished marked cancelled when the user cancelled it.
 */
import type { TranscriptSink } from '../core/host-services';
import type { RunEvent, RunHost } from '../core/run-events';
import type { TranscriptRecord } from '../core/transcript-record';
import { errorOf } from './failed-result';
import type { Logger } from './logger';
import type { LiveRun } from './run-registry';
import type { TranscriptStore } from './transcript-store';

export interface RunTranscriptHost {
  store: TranscriptStore;
  logger: Logger;
  /** This service's writer instance (run-writer-liveness). */
  instance: string;
  /** True once the host is going away. */
  isDisposed(): boolean;
  /** Called at a run's first failed append (after it is logged and marked on the run). */
  onTranscriptIncomplete?(run: LiveRun): void;
}

export function runTranscriptSink(run: LiveRun, host: RunTranscriptHost): TranscriptSink {
  return {
    append(runId: string, record: TranscriptRecord): Promise<void> {
      // The host is going away (a window reload, the MCP client left): its runs stop where
      // they are and read as interrupted, not as cancelled by the user.
      if (host.isDisposed()) return Promise.resolve();
      if (record.type === 'run-started') run.sawRunStarted = true;
      const stored = withHostFacts(record, run, host.instance);
      run.lastSeq = Math.max(run.lastSeq, record.seq);
      const write = host.store.append(runId, stored);
      run.lastWrite = write.catch((error: unknown) => noteWriteFailure(run, error, host));
      return write;
    },
  };
}

/**
 * An event as the host shows and stores it: run-started with the host that runs it (`host`,
 * apart from the engine's settings), run-finished marked cancelled when the user cancelled it.
 */
export function withHostFacts<E extends RunEvent>(event: E, run: LiveRun, instance: string): E {
  if (event.type === 'run-started') {
    const facts: RunHost = { origin: run.origin, pid: process.pid, instance };
    return { ...event, host: facts };
  }
  if (event.type === 'run-finished' && run.controller.signal.aborted) {
    return { ...event, cancelled: true };
  }
  return event;
}

/** A run's first failed append (disk full): logged, marked, told (docs/SECURITY.md). */
function noteWriteFailure(run: LiveRun, error: unknown, host: RunTranscriptHost): void {
  if (run.transcriptIncomplete) return;
  run.transcriptIncomplete = true;
  host.logger.error(`could not write the transcript of ${run.runId}: ${errorOf(error).message}`);
  host.onTranscriptIncomplete?.(run);
}

/** Appends a record the host writes itself (not the engine), next in the run's sequence. */
export async function appendHostRecord(
  run: LiveRun,
  event: Exclude<RunEvent, { type: 'token-delta' }>,
  host: RunTranscriptHost,
): Promise<void> {
  run.lastSeq += 1;
  const record = { ...event, seq: run.lastSeq } as TranscriptRecord;
  try {
    await runTranscriptSink(run, host).append(run.runId, record);
  } catch (error) {
    host.logger.error(`could not write the transcript of ${run.runId}: ${errorOf(error).message}`);
  }
}
