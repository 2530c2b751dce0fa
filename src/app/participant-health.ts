/**
 * Whether each `provider:model` answered its latest call: list_participants reports it, and an
 * automatically picked vote judge skips one that just failed.
 */
import type { RunEvent } from '../core/run-events';

/** `openai:gpt#2` (a second seat of the same model) and `openai:gpt` share one health. */
function specOf(participantId: string): string {
  return participantId.replace(/#\d+$/, '');
}

export class ParticipantHealth {
  private readonly latest = new Map<string, boolean>();

  /** Folds one engine event in; a failure the engine will repair does not count. */
  track(event: RunEvent): void {
    if (event.type === 'call-finished') this.latest.set(specOf(event.participantId), true);
    if (event.type === 'call-failed' && !event.willRepair) {
      this.latest.set(specOf(event.participantId), false);
    }
  }

  /** true / false after a call, undefined when it has not been called yet. */
  of(participantId: string): boolean | undefined {
    return this.latest.get(participantId);
  }
}
