import { z } from 'zod';
import { briefly } from '../output-schema';
import { participantStatusOutputSchema, toParticipantStatusOutput } from '../participant-output';
import { registerTool } from '../register-tool';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

export function registerListParticipantsTool({ server, council, mode }: ToolContext): void {
  registerTool(
    server,
    'list_participants',
    {
      title: 'List participants',
      description: `The council members and whether each is usable now, with the fix for a missing key. Instant, free. Next: pick "participants" for run_consensus_task or consensus_vote.`,
      input: {},
      output: {
        participants: briefly(z.array(participantStatusOutputSchema)),
        availableCount: z.number(),
        mode: z
          .enum(['bridge', 'standalone'])
          .describe('bridge: runs in the editor; standalone: keys from the environment.'),
      },
      effect: 'local',
      doing: 'list the participants',
    },
    async () => {
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
    },
  );
}
