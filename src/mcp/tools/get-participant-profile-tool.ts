import { z } from 'zod';
import { elsewhereIfListed } from '../output-schema';
import {
  participantStatusOutputSchema,
  personaOutputSchema,
  toParticipantStatusOutput,
} from '../participant-output';
import { registerTool } from '../register-tool';
import { SAMPLING_PROVIDER } from '../sampling-language-model';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerGetParticipantProfileTool({
  server,
  council,
  mode,
  listed,
}: ToolContext): void {
  registerTool(
    server,
    'get_participant_profile',
    {
      title: 'Participant profile',
      description: `One participant's provider, model, persona and availability; "self": can your own model join via MCP sampling ("sampling")? Instant, free. Next: add the id to "participants".`,
      input: {
        participantId: z
          .string({
            error:
              'Missing "participantId": an id from list_participants (e.g. "openai:gpt-6.2-sol"), a persona id, or "self".',
          })
          .min(1)
          .max(200)
          .describe('From list_participants, a persona id, or "self".'),
      },
      output: participantStatusOutputSchema.extend({
        persona: elsewhereIfListed(personaOutputSchema, 'list_participants', listed).optional(),
        isSelf: z.boolean(),
      }),
      effect: 'local',
      doing: 'read the profile',
    },
    async ({ participantId }) => {
      if (participantId === 'self') {
        const client = server.server.getClientVersion();
        const sampling = server.server.getClientCapabilities()?.sampling !== undefined;
        const name = client?.name ?? 'the calling client';
        const usable = sampling;
        const reason = sampling
          ? undefined
          : `${name} did not declare the MCP "sampling" capability, so its model cannot be a participant. Enable sampling / model access for this server in the client (VS Code: the server's "Configure Model Access"), or use provider participants.`;
        const text = usable
          ? `You (${name}) can join the council through MCP sampling: add "${SAMPLING_PROVIDER}" (or "${SAMPLING_PROVIDER}:<model hint>") to "participants". Your model will be asked for drafts, reviews and merges via sampling/createMessage${mode === 'bridge' ? ', relayed from the editor' : ''}.`
          : `You (${name}) cannot join the council right now: ${reason}`;
        return toolResult(text, {
          id: `${SAMPLING_PROVIDER}:any`,
          provider: SAMPLING_PROVIDER,
          model: 'any',
          displayName: client ? `${client.name} (your model)` : 'Your model',
          available: usable,
          keyPresent: false,
          ...(reason !== undefined ? { reason } : {}),
          isSelf: true,
        });
      }
      const all = await council.listParticipants();
      const found =
        all.find((p) => p.id === participantId) ??
        all.find((p) => `${p.provider}:${p.model}` === participantId) ??
        all.find((p) => p.persona?.id === participantId);
      if (!found) {
        return toolError(
          `No participant "${participantId}". Known ids: ${all.map((p) => p.id).join(', ') || '(none configured)'}. Call list_participants for details.`,
        );
      }
      const p = found;
      const text = [
        `${p.id} is ${p.displayName} (${p.provider}, model ${p.model}), ${p.available ? 'available now' : `unavailable: ${p.reason ?? 'no key'}`}.`,
        p.persona
          ? `Persona ${p.persona.name}: expertise ${p.persona.expertise.join(', ') || 'none listed'}${p.persona.interactionStyle ? `; style: ${p.persona.interactionStyle}` : ''}.`
          : 'No persona: a general participant.',
        'Next: include it in "participants" of run_consensus_task or consensus_vote.',
      ].join('\n');
      return toolResult(text, { ...toParticipantStatusOutput(p), isSelf: false });
    },
  );
}
