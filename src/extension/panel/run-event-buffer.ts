/**
 * The events of one run so far, kept so that a panel (re)opened mid-run gets the whole run in
 * its snapshot (issue 4 acceptance 4: the webview is not retained while hidden). Token deltas
 * are compacted to one event per call in flight and dropped once the call finishes or fails,
 * because call-finished carries the full text.
 */
import type { RunEvent, TokenDeltaEvent } from '../../core/run-events';

export class RunEventBuffer {
  private readonly events: RunEvent[] = [];
  /** callId -> index in `events` of the compacted delta for a call still streaming. */
  private readonly deltaIndex = new Map<string, number>();

  constructor(readonly runId: string) {}

  push(event: RunEvent): void {
    if (event.type === 'token-delta') {
      const index = this.deltaIndex.get(event.callId);
      const existing = index === undefined ? undefined : this.events[index];
      if (index !== undefined && existing?.type === 'token-delta') {
        this.events[index] = { ...existing, delta: existing.delta + event.delta, at: event.at };
      } else {
        this.deltaIndex.set(event.callId, this.events.length);
        this.events.push({ ...event });
      }
      return;
    }
    if (event.type === 'call-finished' || event.type === 'call-failed') {
      this.dropDelta(event.callId);
    }
    this.events.push(event);
  }

  /** A copy safe to post (the buffer keeps growing). */
  snapshot(): RunEvent[] {
    return this.events.slice();
  }

  get finished(): boolean {
    // Not only the last event: a transcript-incomplete notice can follow the end record.
    return this.events
      .slice(-2)
      .some((event) => event.type === 'run-finished' || event.type === 'run-failed');
  }

  private dropDelta(callId: string): void {
    const index = this.deltaIndex.get(callId);
    if (index === undefined) return;
    this.deltaIndex.delete(callId);
    this.events.splice(index, 1);
    for (const [id, at] of this.deltaIndex) {
      if (at > index) this.deltaIndex.set(id, at - 1);
    }
  }
}

/** Compacts a recorded event list the same way (for tests and for transcripts replayed live). */
export function compactRunEvents(runId: string, events: readonly RunEvent[]): RunEvent[] {
  const buffer = new RunEventBuffer(runId);
  for (const event of events) buffer.push(event);
  return buffer.snapshot();
}

export function isTokenDelta(event: RunEvent): event is TokenDeltaEvent {
  return event.type === 'token-delta';
}
