import { z } from 'zod';
import { taskField } from '../input-schemas';
import { briefly, elsewhereIfListed } from '../output-schema';
import { participantOutputSchema, toParticipantOutput } from '../participant-output';
import { registerTool } from '../register-tool';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

export function registerFindParticipantsForTaskTool({
  server,
  council,
  listed,
}: ToolContext): void {
  registerTool(
    server,
    'find_participants_for_task',
    {
      title: 'Find participants',
      description: `Rank the participants for a task and required skills (score 0..1). Instant, free. Next: the chosen ids as "participants" of run_consensus_task or consensus_vote.`,
      input: {
        task: taskField,
        requiredSkills: z
          .array(z.string().min(1).max(100))
          .max(50)
          .optional()
          .describe('e.g. ["typescript", "security"].'),
      },
      output: {
        matches: briefly(
          z.array(
            z.object({
              participant: elsewhereIfListed(participantOutputSchema, 'list_participants', listed),
              score: z.number(),
              matchedSkills: z.array(z.string()),
              recommendation: z.string(),
            }),
          ),
        ),
      },
      effect: 'local',
      doing: 'rank the participants',
    },
    async ({ task, requiredSkills = [] }) => {
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
    },
  );
}
