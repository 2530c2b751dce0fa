/** Participants as tools return them: identity, persona, availability; never a key. */
import { z } from 'zod';
import type { ParticipantInfo } from '../core/participant';
import type { ParticipantStatus } from '../shared/council-service';
import { briefly, outputOf } from './output-schema';

export const personaOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  expertise: z.array(z.string()),
  interactionStyle: z.string().optional(),
  description: z.string().optional(),
});

export const participantOutputSchema = z.object({
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  displayName: z.string(),
  persona: briefly(personaOutputSchema).optional(),
});
export type ParticipantOutput = z.infer<typeof participantOutputSchema>;

/** `reason`: why it is unavailable and what to do. */
export const participantStatusOutputSchema = participantOutputSchema.extend({
  available: z.boolean(),
  keyPresent: z.boolean(),
  reason: z.string().optional(),
  recentlyHealthy: z.boolean().optional(),
});
export type ParticipantStatusOutput = z.infer<typeof participantStatusOutputSchema>;

export function toParticipantOutput(info: ParticipantInfo): ParticipantOutput {
  return outputOf(participantOutputSchema, info);
}

export function toParticipantStatusOutput(status: ParticipantStatus): ParticipantStatusOutput {
  return outputOf(participantStatusOutputSchema, status);
}
