import { z } from 'zod';
import { taskField } from '../input-schemas';
import { describeError } from '../describe-error';
import { participantOutputSchema, toParticipantOutput } from '../participant-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerFindParticipantsForTaskTool({ server, council }: ToolContext): void {
  server.registerTool(
    'find_participants_for_task',
    {
      title: 'Rank participants for a task',
      description: `Rank the configured participants (and their personas' expertise) for a task and a list of required skills; returns a 0..1 match score, the matched skills and a recommendation per participant.
Instant and free: matching on the configured profiles, no model calls.
Use it to choose "participants" for run_consensus_task or consensus_vote; get_participant_profile shows one profile in full.`,
      inputSchema: {
        task: taskField,
        requiredSkills: z
          .array(z.string().min(1).max(100))
          .max(50)
          .optional()
          .describe('Skills the task needs, lower-case, e.g. ["typescript", "security"].'),
      },
      outputSchema: {
        matches: z.array(
          z.object({
            participant: participantOutputSchema,
            score: z.number(),
            matchedSkills: z.array(z.string()),
            recommendation: z.string(),
          }),
        ),
      },
      annotations: {
        title: 'Find participants for a task',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ task, requiredSkills = [] }) => {
      try {
        const matches = await council.findParticipantsForTask(task, requiredSkills);
        const top = matches.slice(0, 5);
        const lines = [
          matches.length === 0
            ? 'No configured participant to rank. Configure participants first (list_participants shows what is configured).'
            : `Ranked ${matches.length} participant(s) for this task${requiredSkills.length ? ` (skills: ${requiredSkills.join(', ')})` : ''}:`,
          ...top.map(
            (m, i) =>
              `${i + 1}. ${m.participant.id} — score ${m.score.toFixed(2)}${m.matchedSkills.length ? `, matches ${m.matchedSkills.join(', ')}` : ''}. ${m.recommendation}`,
          ),
          matches.length > 0
            ? `Next: pass the ids you choose as "participants" to run_consensus_task, e.g. ${JSON.stringify(top.slice(0, 3).map((m) => m.participant.id))}.`
            : '',
        ].filter((line) => line !== '');
        return toolResult(lines.join('\n'), {
          matches: matches.map((m) => ({
            participant: toParticipantOutput(m.participant),
            score: m.score,
            matchedSkills: [...m.matchedSkills],
            recommendation: m.recommendation,
          })),
        });
      } catch (error) {
        return toolError(describeError(error, 'rank the participants'));
      }
    },
  );
}
