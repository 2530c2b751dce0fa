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
      description: `Stop a running task now; in-flight calls are aborted (no further cost). Default: status "cancelled". keepBest=true (consensus only): end with the best proposal so far, status "provisional", scores and reasons kept. Instant. Next: get_task_result.`,
      inputSchema: {
        taskId: taskIdField,
        keepBest: z
          .boolean()
          .optional()
          .describe(
            'Stop with the best proposal so far (status provisional) instead of cancelling.',
          ),
      },
      outputSchema: {
        taskId: z.string(),
        cancelled: z.boolean().describe('True when this call stopped a running task.'),
        state: z.string(),
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
    async ({ taskId, keepBest }) => {
      try {
        const before = await council.getStatus(taskId);
        if (!before) return toolError(`No task with id "${taskId}"; nothing to cancel.`);
        const cancelled = keepBest
          ? await council.finishEarly(taskId)
          : await council.cancel(taskId);
        if (cancelled) {
          // Give the run a moment to settle so the reported state is the final one.
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 5_000);
          await council.waitForResult(taskId, controller.signal).catch(() => undefined);
          clearTimeout(timer);
        }
        const after = (await council.getStatus(taskId)) ?? before;
        const text = cancelled
          ? `${keepBest ? 'Stopped' : 'Cancelled'} task ${taskId}; it is now ${after.state}${keepBest ? ' with the best proposal so far (provisional)' : ''}. Next: get_task_result {"taskId":"${taskId}"}.`
          : `Task ${taskId} was not ${keepBest ? 'a running consensus' : 'running'} (${after.state}); nothing was stopped. Its result: get_task_result {"taskId":"${taskId}"}.`;
        return toolResult(text, { taskId, cancelled, state: after.state });
      } catch (error) {
        return toolError(describeError(error, 'cancel the task'));
      }
    },
  );
}
