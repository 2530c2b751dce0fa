/** A RunSummary (the history list) read from a run's transcript records. */
import type { ConsensusInput } from '../core/consensus-types';
import type { TranscriptRecord } from '../core/transcript-record';
import type { VoteInput } from '../core/vote-types';
import type { RunOrigin, RunSummary } from '../shared/council-service';
import { outcomeOfResult, stateOfResult } from './task-status';
import { hostOf, writerOf, type RunWriter } from './run-writer-liveness';

const ORIGINS: RunOrigin[] = ['panel', 'command', 'mcp', 'cli'];
const TITLE_LENGTH = 200;

export function runTitle(input: ConsensusInput | VoteInput): string {
  const text = 'task' in input ? input.task : input.question;
  return text.slice(0, TITLE_LENGTH);
}

/**
 * @param isLive whether the process that wrote the run is still running it (a run without an
 *   end record whose writer is gone was interrupted by a crash or a window reload).
 */
export function summarizeTranscript(
  runId: string,
  records: TranscriptRecord[],
  isLive: (writer: RunWriter) => boolean,
  fileTime?: number,
): RunSummary | undefined {
  const started = records.find((record) => record.type === 'run-started');
  if (!started || started.type !== 'run-started') return withoutStart(runId, records, fileTime);
  const origin = hostOf(started).origin;
  const summary: RunSummary = {
    runId,
    protocol: started.protocol,
    title: runTitle(started.input),
    state: 'in_progress',
    origin: origin !== undefined && ORIGINS.includes(origin) ? origin : 'command',
    participants: started.participants,
    startedAt: started.at,
  };
  if (endInto(summary, records)) return summary;
  if (!isLive(writerOf(started))) summary.state = 'interrupted';
  return summary;
}

/**
 * A transcript whose run-started line is lost (torn by a full disk, corrupted) stays in the
 * history: named by its run id, its outcome from the end record if there is one. Without the
 * writer's identity its liveness is unknown, so an unfinished one reads as interrupted.
 */
function withoutStart(
  runId: string,
  records: TranscriptRecord[],
  fileTime: number | undefined,
): RunSummary | undefined {
  if (records.length === 0 && fileTime === undefined) return undefined;
  const end = records.find((record) => record.type === 'run-finished');
  const summary: RunSummary = {
    runId,
    protocol: end?.type === 'run-finished' ? end.protocol : 'consensus',
    title: `${runId} (its first record is unreadable)`,
    state: 'interrupted',
    origin: 'command',
    participants: [],
    startedAt: records[0]?.at ?? fileTime ?? 0,
  };
  endInto(summary, records);
  return summary;
}

/** Fills state, outcome and finishedAt from the last end record; false when there is none. */
function endInto(summary: RunSummary, records: TranscriptRecord[]): boolean {
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index]!;
    if (record.type === 'run-finished') {
      const cancelled = record.cancelled === true;
      summary.state = stateOfResult(record.protocol, record.result, cancelled);
      summary.outcome = outcomeOfResult(record.protocol, record.result);
      summary.finishedAt = record.at;
      return true;
    }
    // The end of a failed run in transcripts written before run-finished was the one end.
    if (record.type === 'run-failed') {
      summary.state = 'failed';
      summary.outcome = 'failed';
      summary.finishedAt = record.at;
      return true;
    }
  }
  return false;
}
