import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { taskOutput, taskOutputSchema } from '../task-output';
import { registerTeamTool, type TeamToolContext } from '../team-tool-context';
import { taskIdInput } from './get-task-status-tool';

export function registerSubmitResultTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'submit_result',
    {
      title: 'Submit the result of your task',
      description:
        'Finish a task you polled: status completed with a result object, or failed with an error. Accepted only while you hold its lease. Instant. Next: poll_tasks for more work.',
      inputSchema: {
        task_id: taskIdInput,
        status: z.enum(['completed', 'failed']),
        result: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Your output; put follow-up work under "subtasks".'),
        error: z.string().max(10_000).optional().describe('Why it failed (with status failed).'),
      },
      outputSchema: { task: taskOutputSchema },
    },
    async (input) => {
      const task = await context.board.submit(context.caller, input);
      const message = `Stored your ${task.status === 'completed' ? 'result' : 'failure report'} for ${task.task_id}; the orchestrator will see it with get_result${task.status === 'completed' ? ', and tasks waiting for it are now offered to their agents' : ''}. Call poll_tasks for more work.`;
      return toolResult(message, { task: taskOutput(task), message });
    },
  );
}
