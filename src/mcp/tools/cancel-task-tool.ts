import { z } from 'zod';
import { taskIdField } from '../input-schemas';
import { describeError } from '../describe-error';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerCancelTaskTool({ server, council }: ToolContext): void {
  server.registerTool(
    'cancel_task',
    {
      title: 'Cancel a running task',
      description: `Stop a running consensus task or vote at once: in-flight model calls are aborted (no further cost) and the run ends with status "cancelled"; whatever was reached stays readable with get_task_result and get_iteration_log.
Instant. Cancelling a finished task does nothing and says so. The work done so far cannot be resumed.`,
      inputSchema: { taskId: taskIdField },
      outputSchema: {
        taskId: z.string(),
        cancelled: z.boolean().describe('True when a running task was stopped by this call.'),
        state: z.string().describe('The task state after the call.'),
      },
      annotations: {
        title: 'Cancel a task',
        readOnlyHint: false,
        // It ends work that cannot be resumed, though nothing of the user's is deleted.
        destructiveHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ taskId }) => {
      try {
        const before = await council.getStatus(taskId);
        if (!before) return toolError(`No task with id "${taskId}"; nothing to cancel.`);
        const cancelled = await council.cancel(taskId);
        if (cancelled) {
          // Give the run a moment to settle so the reported state is the final one.
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 5_000);
          await council.waitForResult(taskId, controller.signal).catch(() => undefined);
          clearTimeout(timer);
        }
        const after = (await council.getStatus(taskId)) ?? before;
        const text = cancelled
          ? `Cancelled task ${taskId}; it is now ${after.state}. Partial work: get_task_result {"taskId":"${taskId}"} or get_iteration_log.`
          : `Task ${taskId} was not running (${after.state}); nothing was cancelled. Its result: get_task_result {"taskId":"${taskId}"}.`;
        return toolResult(text, { taskId, cancelled, state: after.state });
      } catch (error) {
        return toolError(describeError(error, 'cancel the task'));
      }
    },
  );
}
