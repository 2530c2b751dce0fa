import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { taskOutput, taskOutputSchema } from '../task-output';
import { registerTeamTool, type TeamToolContext } from '../team-tool-context';
import { checkAgentId } from './check-agent-id';

export function registerPollTasksTool(context: TeamToolContext): void {
  const leaseSeconds = Math.round(context.leaseMs / 1000);
  registerTeamTool(
    context,
    'poll_tasks',
    {
      title: 'Take tasks to work on',
      description: `Take up to max_tasks available tasks of your agent type; each is leased to you for ${leaseSeconds} s, renewed by every heartbeat or poll. Instant. Next: do the task, then submit_result.`,
      inputSchema: {
        agent_id: z.string().describe('Your agent id (the one your key was issued to).'),
        max_tasks: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(1)
          .describe('How many tasks to take at most.'),
      },
      outputSchema: {
        tasks: z.array(taskOutputSchema),
        lease_seconds: z.number(),
      },
    },
    async ({ agent_id, max_tasks }) => {
      checkAgentId(context, agent_id);
      const { leased } = await context.board.poll(context.caller, max_tasks);
      const tasks = leased.map(taskOutput);
      const message =
        tasks.length === 0
          ? `No ${context.caller.role} task is available right now. Poll again in a little while (e.g. 10-30 s).`
          : `You now hold ${tasks.length} task(s): ${tasks.map((t) => t.task_id).join(', ')}. Do each as its task_description says, using its context. Call heartbeat at least every ${Math.max(1, Math.floor(leaseSeconds / 2))} s while you work, or the task goes back to other agents. When done, call submit_result with status completed and a result object (list any subtasks under "subtasks"), or status failed with an error.`;
      return toolResult(
        message,
        { tasks, lease_seconds: leaseSeconds, message },
        {
          blocks: tasks.map((t) => JSON.stringify(t, null, 2)),
        },
      );
    },
  );
}
