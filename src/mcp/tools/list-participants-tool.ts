import { z } from 'zod';
import { describeError } from '../describe-error';
import { participantStatusOutputSchema, toParticipantStatusOutput } from '../participant-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerListParticipantsTool({ server, council, mode }: ToolContext): void {
  server.registerTool(
    'list_participants',
    {
      title: "List the council's participants",
      description: `List the configured council members: id ("provider:model"), provider, model, display name, persona (expertise, style) and whether each is usable now (API key present) with the reason and fix when not.
Instant and free (no model calls).
Use it before run_consensus_task or consensus_vote to choose "participants", and to tell the user which keys are missing. To rank them for a particular task use find_participants_for_task.`,
      inputSchema: {},
      outputSchema: {
        participants: z.array(participantStatusOutputSchema),
        availableCount: z.number(),
        mode: z
          .enum(['bridge', 'standalone'])
          .describe(
            "bridge = runs execute in the editor; standalone = keys from this server's environment.",
          ),
      },
      annotations: {
        title: 'List participants',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async () => {
      try {
        const statuses = await council.listParticipants();
        const available = statuses.filter((s) => s.available);
        const lines = [
          `${statuses.length} participant(s) configured, ${available.length} usable now (${mode === 'bridge' ? 'runs execute in the editor with its stored keys' : 'standalone: keys from environment variables'}).`,
          ...statuses.map(
            (s) =>
              `- ${s.id} (${s.displayName})${s.persona ? ` persona ${s.persona.name} [${s.persona.expertise.join(', ')}]` : ''}: ${s.available ? 'available' : `unavailable — ${s.reason ?? 'no key'}`}`,
          ),
          available.length >= 2
            ? 'Next: run_consensus_task or consensus_vote (omit "participants" to use the available ones).'
            : 'Next: fewer than two participants are usable; set the missing keys (see the reasons above) before running the council.',
        ];
        return toolResult(lines.join('\n'), {
          participants: statuses.map(toParticipantStatusOutput),
          availableCount: available.length,
          mode,
        });
      } catch (error) {
        return toolError(describeError(error, 'list the participants'));
      }
    },
  );
}
