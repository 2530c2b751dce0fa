import { toolResult } from '../../mcp/tool-result';
import { taskOutput, taskOutputSchema } from '../task-output';
import { registerTeamTool, type TeamToolContext } from '../team-tool-context';
import { taskIdInput } from './get-task-status-tool';

export function registerCancelTaskTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'cancel_task',
    {
      title: 'Cancel a task',
      description:
        'Cancel a pending or in-progress task; tasks that depend on it fail. An agent working on it gets a refusal when it submits. Instant.',
      inputSchema: { task_id: taskIdInput },
      outputSchema: { task: taskOutputSchema },
      annotations: { destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ task_id }) => {
      const { task, wasLeased } = await context.board.cancel(context.caller, task_id);
      const message = `Cancelled ${task.task_id}.${wasLeased ? ' Its agent was working on it; its result will be refused.' : ''} Tasks depending on it have failed; check them with get_task_status if you need to re-plan.`;
      return toolResult(message, { task: taskOutput(task), message });
    },
  );
}
