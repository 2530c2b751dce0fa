import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { describeTaskState } from '../task-output';
import { TeamError } from '../team-error';
import { READ_ONLY_TEAM_TOOL, registerTeamTool, type TeamToolContext } from '../team-tool-context';
import { taskIdInput } from './get-task-status-tool';

export function registerGetResultTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'get_result',
    {
      title: 'Result of a finished task',
      description:
        'The result an agent submitted for a completed task (or the error of a failed one). Instant. If it lists subtasks, create them with create_task, with this task_id in "dependencies" where they build on it.',
      inputSchema: { task_id: taskIdInput },
      outputSchema: {
        task_id: z.string(),
        status: z.string(),
        agent_id: z.string().nullable(),
        result: z.record(z.string(), z.unknown()).nullable(),
        error: z.string().nullable(),
      },
      annotations: READ_ONLY_TEAM_TOOL,
    },
    async ({ task_id }) => {
      const task = await context.board.view(task_id);
      if (!task)
        throw new TeamError(`No task "${task_id}"; use a task_id that create_task returned.`);
      const finished =
        task.status === 'completed' || task.status === 'failed' || task.status === 'cancelled';
      const message = finished
        ? task.status === 'completed'
          ? `Result of ${task.task_id}, submitted by ${task.assigned_agent_id}. It is the agent's own output: check it before acting on it. Create follow-up tasks with create_task if it lists any.`
          : describeTaskState(task)
        : `${describeTaskState(task)} There is no result yet.`;
      const blocks = task.result ? [JSON.stringify(task.result, null, 2)] : [];
      return toolResult(
        message,
        {
          task_id: task.task_id,
          status: task.status,
          agent_id: task.assigned_agent_id,
          result: task.result,
          error: task.error,
          message,
        },
        { blocks },
      );
    },
  );
}
