/** A RunSummary (the history list) read from a run's transcript records. */
import type { ConsensusInput } from '../core/consensus-types';
import type { TranscriptRecord } from '../core/transcript-record';
import type { VoteInput } from '../core/vote-types';
import type { RunOrigin, RunSummary } from '../shared/council-service';
import { outcomeOfResult, stateOfResult } from './task-status';
import { writerOf, type RunWriter } from './run-writer-liveness';

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
): RunSummary | undefined {
  const started = records.find((record) => record.type === 'run-started');
  if (!started || started.type !== 'run-started') return undefined;
  const origin = started.settings.origin;
  const summary: RunSummary = {
    runId,
    protocol: started.protocol,
    title: runTitle(started.input),
    state: 'in_progress',
    origin: ORIGINS.includes(origin as RunOrigin) ? (origin as RunOrigin) : 'command',
    participants: started.participants,
    startedAt: started.at,
  };
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index]!;
    if (record.type === 'run-finished') {
      const cancelled = (record as { cancelled?: boolean }).cancelled === true;
      summary.state = stateOfResult(record.protocol, record.result, cancelled);
      summary.outcome = outcomeOfResult(record.protocol, record.result);
      summary.finishedAt = record.at;
      return summary;
    }
    if (record.type === 'run-failed') {
      summary.state = 'failed';
      summary.outcome = 'failed';
      summary.finishedAt = record.at;
      return summary;
    }
  }
  if (!isLive(writerOf(started.settings))) summary.state = 'interrupted';
  return summary;
}
