/**
 * A run's TaskStatus (the seed 001 task model) derived from its event stream alone, so the same
 * fold serves a live run and a run read back from its transcript after a restart.
 */
import type { ConsensusResult } from '../core/consensus-types';
import { noUsableReviewsStopText } from '../core/run-notices';
import type { ProtocolName, RunEvent } from '../core/run-events';
import type { VoteResult } from '../core/vote-types';
import { debateRoundOf } from '../shared/run-view-state';
import type { TaskState, TaskStatus } from '../shared/council-service';

export interface StatusTracker {
  status: TaskStatus;
  participantCount: number;
  finishedCalls: number;
  /** Review rounds that brought no usable review so far (docs/PROTOCOL.md "Signals"). */
  unusableRounds?: number[];
}

export function createStatusTracker(
  runId: string,
  protocol: ProtocolName,
  participantCount: number,
  startedAt: number,
  maxRounds?: number,
): StatusTracker {
  return {
    status: {
      taskId: runId,
      protocol,
      state: 'pending',
      progress: 0,
      message: 'Waiting to start.',
      startedAt,
      updatedAt: startedAt,
      ...(maxRounds === undefined ? {} : { maxRounds }),
    },
    participantCount: Math.max(1, participantCount),
    finishedCalls: 0,
  };
}

/** Calls a run is expected to make by the end of the current round (rough, for a progress bar). */
function expectedCalls(tracker: StatusTracker): number {
  const n = tracker.participantCount;
  if (tracker.status.protocol === 'vote') return n + 1;
  // draft + final + ratify once, review + merge per round.
  return n * (3 + 2 * Math.max(1, tracker.status.round ?? 1));
}

export function stateOfResult(
  protocol: ProtocolName,
  result: ConsensusResult | VoteResult,
  cancelled: boolean,
): TaskState {
  if (protocol === 'consensus') {
    const status = (result as ConsensusResult).status;
    if (status === 'cancelled') return 'cancelled';
    if (status === 'failed') return 'failed';
    return 'completed';
  }
  if (cancelled) return 'cancelled';
  return (result as VoteResult).error ? 'failed' : 'completed';
}

export function outcomeOfResult(
  protocol: ProtocolName,
  result: ConsensusResult | VoteResult,
): string {
  if (protocol === 'consensus') return (result as ConsensusResult).status;
  return (result as VoteResult).reached ? 'reached' : 'not-reached';
}

function describe(status: TaskStatus, finishedCalls: number, unusableRounds: number[]): string {
  if (status.protocol === 'vote') {
    return status.phase === 'judge'
      ? 'Grouping the answers.'
      : `Polling the voters (${finishedCalls} answered).`;
  }
  const round =
    status.round !== undefined && status.round > 0
      ? `Round ${status.round}${status.maxRounds ? ` of ${status.maxRounds}` : ''}: `
      : '';
  const unusable =
    unusableRounds.length > 0
      ? ` No usable review arrived in round(s) ${unusableRounds.join(', ')}: those rounds have no scores.`
      : '';
  return `${round}${status.phase ?? 'starting'} (${finishedCalls} calls done).${unusable}`;
}

/** Advance the status by one event. Token deltas only touch updatedAt. */
export function applyEventToStatus(tracker: StatusTracker, event: RunEvent): void {
  const status = tracker.status;
  status.updatedAt = Math.max(status.updatedAt, event.at);
  if (event.type === 'transcript-incomplete') {
    status.transcriptIncomplete = true;
    return;
  }
  // A cancelled run stays cancelled while it winds down; only its end record may say otherwise.
  if (status.state === 'cancelled' && event.type !== 'run-finished') return;
  switch (event.type) {
    case 'run-started': {
      status.state = 'in_progress';
      status.startedAt = event.at;
      tracker.participantCount = Math.max(1, event.participants.length);
      if (event.settings && 'maxRounds' in event.settings) {
        status.maxRounds = event.settings.maxRounds;
      }
      break;
    }
    case 'phase-started':
      status.state = 'in_progress';
      status.phase = event.phase;
      // Final versions and ratification count as the last debate round (as the panel shows).
      if (event.round > 0) {
        status.round = debateRoundOf(
          event.phase,
          event.round,
          status.signals ? status.signals.round : 0,
        );
      }
      break;
    case 'call-finished':
    case 'abstained':
      tracker.finishedCalls += 1;
      break;
    case 'notice':
      if (event.notice.cause === 'no-usable-reviews')
        tracker.unusableRounds = [...(tracker.unusableRounds ?? []), event.notice.round];
      break;
    case 'round-scored':
      status.signals = event.signals;
      status.round = event.signals.round;
      break;
    case 'run-finished': {
      status.state = stateOfResult(event.protocol, event.result, false);
      status.progress = 1;
      // A finished run is in no phase; its round is the last one it completed.
      delete status.phase;
      if ('roundsCompleted' in event.result && event.result.roundsCompleted > 0)
        status.round = event.result.roundsCompleted;
      const outcome = outcomeOfResult(event.protocol, event.result);
      status.message = finishedMessage(status.state, outcome, event.result);
      return;
    }
    // The end of a failed run in transcripts written before run-finished was the one end.
    case 'run-failed':
      status.state = 'failed';
      status.progress = 1;
      status.message = `Failed: ${event.error.message}${event.error.hint ? ` ${event.error.hint}` : ''}`;
      return;
    default:
      break;
  }
  if (status.state === 'in_progress') {
    status.progress = Math.min(0.99, tracker.finishedCalls / expectedCalls(tracker));
    status.message = describe(status, tracker.finishedCalls, tracker.unusableRounds ?? []);
  }
}

function finishedMessage(
  state: TaskState,
  outcome: string,
  result: ConsensusResult | VoteResult,
): string {
  if (state === 'cancelled') return 'Cancelled; the transcript is kept.';
  if (state === 'failed') {
    const error = result.error;
    return error
      ? `Failed: ${error.message}${error.hint ? ` ${error.hint}` : ''}`
      : `Failed: ${outcome}`;
  }
  if ('stopReason' in result && result.stopReason === 'no-usable-reviews')
    return `Finished: ${outcome}. ${noUsableReviewsStopText(result.notices ?? [])}`;
  return `Finished: ${outcome}.`;
}

export function markCancelled(tracker: StatusTracker, at: number): void {
  tracker.status.state = 'cancelled';
  tracker.status.progress = 1;
  tracker.status.updatedAt = at;
  tracker.status.message = 'Cancelled; the transcript is kept.';
}

/** Waiting for a run slot: `ahead` runs are queued before this one. */
export function markQueued(tracker: StatusTracker, ahead: number, at: number): void {
  if (tracker.status.state !== 'pending') return;
  tracker.status.state = 'queued';
  tracker.status.message = `Queued: ${ahead} run(s) ahead; at most this many run at once per process (multiLlm.maxConcurrentRuns).`;
  tracker.status.updatedAt = at;
}
