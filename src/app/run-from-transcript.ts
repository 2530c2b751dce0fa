/** A past run's status and result, read back from its transcript (after a restart). */
import type { TranscriptRecord } from '../core/transcript-record';
import type { RunResult, TaskStatus } from '../shared/council-service';
import { failedResult } from './failed-result';
import { applyEventToStatus, createStatusTracker } from './task-status';

export function statusFromTranscript(
  runId: string,
  records: TranscriptRecord[],
  writerAlive: boolean,
): TaskStatus | undefined {
  const started = records.find((record) => record.type === 'run-started');
  if (!started || started.type !== 'run-started') return undefined;
  const tracker = createStatusTracker(
    runId,
    started.protocol,
    started.participants.length,
    started.at,
  );
  for (const record of records) applyEventToStatus(tracker, record);
  const ended = records.some((r) => r.type === 'run-finished' || r.type === 'run-failed');
  const finished = records.find((r) => r.type === 'run-finished');
  if (finished?.type === 'run-finished' && finished.cancelled === true) {
    tracker.status.state = 'cancelled';
    tracker.status.message = 'Cancelled; the transcript is kept.';
  }
  if (!ended && !writerAlive) {
    tracker.status.state = 'failed';
    tracker.status.message =
      'Interrupted: the process running it ended before it finished. The transcript keeps every finished call; start it again to re-run.';
  }
  return tracker.status;
}

export function resultFromTranscript(
  runId: string,
  records: TranscriptRecord[],
): RunResult | undefined {
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index]!;
    if (record.type === 'run-finished') return record.result;
    // Transcripts written before run-finished was the one end close a failed run with this.
    if (record.type === 'run-failed') {
      const started = records.find((r) => r.type === 'run-started');
      if (!started || started.type !== 'run-started') return undefined;
      return failedResult({
        runId,
        protocol: started.protocol,
        input: started.input,
        participants: started.participants,
        error: record.error,
        cancelled: false,
        startedAt: started.at,
        finishedAt: record.at,
      });
    }
  }
  return undefined;
}
