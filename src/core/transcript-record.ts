/**
 * One line of a run's append-only JSONL transcript (the seed's iteration_log.jsonl). The
 * transcript is the run's event stream without the token deltas (the full text of each call
 * is in its call-finished record), numbered so a reader can tell whether anything is missing.
 */
import type { RunEvent, TokenDeltaEvent } from './run-events';

export type TranscriptEvent = Exclude<RunEvent, TokenDeltaEvent>;

export type TranscriptRecord = TranscriptEvent & {
  /** 0, 1, 2, … per run, in append order. */
  seq: number;
};

export function isTranscriptEvent(event: RunEvent): event is TranscriptEvent {
  return event.type !== 'token-delta';
}
