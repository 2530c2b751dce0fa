import { taskIdField } from '../input-schemas';
import { describeError } from '../describe-error';
import { describeStatus, statusOutputShape, toStatusOutput } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerGetTaskStatusTool({ server, council }: ToolContext): void {
  server.registerTool(
    'get_task_status',
    {
      title: 'Status of a background task',
      description: `Report where a task started by start_consensus_task (or any run) is: state (pending, in_progress, completed, failed, cancelled), phase (draft, review, merge, final, ratify), round, rough progress 0..1 and the latest convergence signals.
Instant, free (no model calls). Poll it every 10–30 s; when the state is completed/failed/cancelled call get_task_result.`,
      inputSchema: { taskId: taskIdField },
      outputSchema: statusOutputShape,
      annotations: {
        title: 'Get task status',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ taskId }) => {
      try {
        const status = await council.getStatus(taskId);
        if (!status) {
          return toolError(
            `No task with id "${taskId}". Use the id that start_consensus_task returned (tasks of an earlier server session may be gone).`,
          );
        }
        return toolResult(describeStatus(status), toStatusOutput(status));
      } catch (error) {
        return toolError(describeError(error, 'read the task status'));
      }
    },
  );
}
