/** Participants as tools return them: identity, persona, availability; never a key. */
import { z } from 'zod';
import type { ParticipantInfo } from '../core/participant';
import type { ParticipantStatus } from '../shared/council-service';

export const participantOutputSchema = z.object({
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  displayName: z.string(),
  persona: z
    .object({
      id: z.string(),
      name: z.string(),
      expertise: z.array(z.string()),
      interactionStyle: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
});
export type ParticipantOutput = z.infer<typeof participantOutputSchema>;

export const participantStatusOutputShape = {
  ...participantOutputSchema.shape,
  available: z.boolean(),
  keyPresent: z.boolean(),
  reason: z.string().optional().describe('Why it is unavailable, and what to do.'),
  recentlyHealthy: z.boolean().optional(),
};
export const participantStatusOutputSchema = z.object(participantStatusOutputShape);
export type ParticipantStatusOutput = z.infer<typeof participantStatusOutputSchema>;

export function toParticipantOutput(info: ParticipantInfo): ParticipantOutput {
  return {
    id: info.id,
    provider: info.provider,
    model: info.model,
    displayName: info.displayName,
    ...(info.persona
      ? {
          persona: {
            id: info.persona.id,
            name: info.persona.name,
            expertise: [...info.persona.expertise],
            ...(info.persona.interactionStyle !== undefined
              ? { interactionStyle: info.persona.interactionStyle }
              : {}),
            ...(info.persona.description !== undefined
              ? { description: info.persona.description }
              : {}),
          },
        }
      : {}),
  };
}

export function toParticipantStatusOutput(status: ParticipantStatus): ParticipantStatusOutput {
  return {
    ...toParticipantOutput(status),
    available: status.available,
    keyPresent: status.keyPresent,
    ...(status.reason !== undefined ? { reason: status.reason } : {}),
    ...(status.recentlyHealthy !== undefined ? { recentlyHealthy: status.recentlyHealthy } : {}),
  };
}
