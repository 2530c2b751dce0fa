import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { describeTaskState, taskOutput, taskOutputSchema } from '../task-output';
import { TeamError } from '../team-error';
import { runTeamTool, type TeamToolContext } from '../team-tool-context';

export const taskIdInput = z
  .string()
  .min(1)
  .max(200)
  .describe('The task_id that create_task returned.');

export function registerGetTaskStatusTool(context: TeamToolContext): void {
  context.server.registerTool(
    'get_task_status',
    {
      title: 'Status of a task',
      description:
        'Where a task is: pending, in_progress (and which agent), completed, failed (and why) or cancelled. Instant. Next: get_result once completed.',
      inputSchema: { task_id: taskIdInput },
      outputSchema: { task: taskOutputSchema, message: z.string() },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ task_id }) =>
      runTeamTool(context, 'get_task_status', async () => {
        const task = await context.board.view(task_id);
        if (!task)
          throw new TeamError(`No task "${task_id}"; use a task_id that create_task returned.`);
        const message = describeTaskState(task);
        return toolResult(message, { task: taskOutput(task), message });
      }),
  );
}
