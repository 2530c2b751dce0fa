import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { describeTaskState, taskOutput, taskOutputSchema } from '../task-output';
import { isCouncilTaskType } from '../council-job';
import { TeamError } from '../team-error';
import { FINISHED_STATUSES } from '../task-record';
import { READ_ONLY_TEAM_TOOL, registerTeamTool, type TeamToolContext } from '../team-tool-context';

export const taskIdInput = z
  .string()
  .min(1)
  .max(200)
  .describe('The task_id that create_task returned.');

export function registerGetTaskStatusTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'get_task_status',
    {
      title: 'Status of a task',
      description:
        'Where a task is: pending, in_progress (and which agent), completed, failed (and why) or cancelled. Instant. Next: get_result once completed.',
      inputSchema: {
        task_id: taskIdInput.optional(),
        taskId: z
          .string()
          .max(200)
          .optional()
          .describe('Same as task_id (the name start_consensus_task uses).'),
      },
      outputSchema: {
        task: taskOutputSchema,
        council: z
          .object({
            phase: z.string().optional(),
            round: z.number().optional(),
            progress: z.number(),
            message: z.string(),
          })
          .optional()
          .describe('For council runs (agent_type consensus / consensus_vote): where the run is.'),
      },
      annotations: READ_ONLY_TEAM_TOOL,
    },
    async ({ task_id, taskId }) => {
      const id = task_id ?? taskId;
      if (!id)
        throw new TeamError(
          'Pass task_id: the id that create_task or start_consensus_task returned.',
        );
      const task = await context.board.view(id);
      if (!task) throw new TeamError(`No task "${id}"; use a task_id that create_task returned.`);
      const run = isCouncilTaskType(task.agent_type)
        ? await context.councils.councils.status(id)
        : undefined;
      const council = run
        ? {
            ...(run.phase ? { phase: run.phase } : {}),
            ...(run.round !== undefined ? { round: run.round } : {}),
            progress: run.progress,
            message: run.message ?? '',
          }
        : undefined;
      const where = council ? councilWhere(council, FINISHED_STATUSES.includes(task.status)) : '';
      const next =
        isCouncilTaskType(task.agent_type) && task.status === 'completed'
          ? ' Call get_task_result for the product.'
          : '';
      const message = `${describeTaskState(task)}${where}${next}`;
      return toolResult(message, {
        task: taskOutput(task),
        ...(council ? { council } : {}),
        message,
      });
    },
  );
}

/**
 * Where a council run is, or where it ended: a run that finished has no phase left (its status
 * drops it at the end), so a finished task that still has one was stopped there (interrupted).
 */
function councilWhere(
  council: { phase?: string; round?: number; progress: number },
  finished: boolean,
): string {
  if (!finished)
    return ` Council: phase ${council.phase ?? 'starting'}, round ${council.round ?? 0}, progress ${Math.round(council.progress * 100)}%.`;
  if (council.phase !== undefined)
    return ` Council: stopped in phase ${council.phase}, round ${council.round ?? 0}.`;
  return council.round === undefined ? '' : ` Council: ended after round ${council.round}.`;
}
