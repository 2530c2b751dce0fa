/**
 * Runs one task per participant at once and waits with Promise.allSettled. Every task starts
 * synchronously up to its first await, so every request is issued before any is awaited (blind,
 * parallel phases); one participant's unexpected failure becomes its abstention instead of taking
 * the others down. Cancellation still propagates.
 */
import type { ModelError } from './model-error';
import { toModelError } from './model-error';
import type { Participant } from './participant';
import { RunCancelledError } from './call-participant';

export async function settleParticipants<T>(
  participants: Participant[],
  task: (participant: Participant) => Promise<T>,
  onUnexpected: (participant: Participant, error: ModelError) => void,
): Promise<{ participant: Participant; value: T }[]> {
  const settled = await Promise.allSettled(participants.map((participant) => task(participant)));
  if (settled.some((s) => s.status === 'rejected' && s.reason instanceof RunCancelledError))
    throw new RunCancelledError();
  const values: { participant: Participant; value: T }[] = [];
  settled.forEach((outcome, index) => {
    const participant = participants[index]!;
    if (outcome.status === 'fulfilled') values.push({ participant, value: outcome.value });
    else
      onUnexpected(
        participant,
        toModelError(outcome.reason, participant.provider, participant.model),
      );
  });
  return values;
}
