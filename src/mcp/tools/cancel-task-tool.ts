import { z } from 'zod';
import { waitAWhile } from '../await-run';
import { taskIdField } from '../input-schemas';
import { registerTool } from '../register-tool';
import { isFinished } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

/** How long a stopped run may take to settle, so the reported state is the final one. */
const SETTLE_MS = 5_000;

export function registerCancelTaskTool({ server, council }: ToolContext): void {
  registerTool(
    server,
    'cancel_task',
    {
      title: 'Cancel a task',
      description: `Stop a running task: in-flight calls aborted, no further cost. keepBest (consensus): end now with the best proposal so far, status provisional, scores and reasons kept. Instant. Next: get_task_result.`,
      input: {
        taskId: taskIdField,
        keepBest: z.boolean().optional().describe('End with the best so far.'),
      },
      output: { taskId: z.string(), cancelled: z.boolean(), state: z.string() },
      effect: 'stops',
      doing: 'cancel the task',
    },
    async ({ taskId, keepBest }) => {
      const before = await council.getStatus(taskId);
      if (!before) return toolError(`No task with id "${taskId}"; nothing to cancel.`);
      const cancelled = keepBest ? await council.finishEarly(taskId) : await council.cancel(taskId);
      // A cancel in the moment between a run's end and its stored result stops nothing: wait
      // for that result too, so the state reported is the final one, not "in_progress".
      const endedMeanwhile = !cancelled && !keepBest && !isFinished(before);
      if (cancelled || endedMeanwhile) await waitAWhile(council, taskId, SETTLE_MS);
      const after = (await council.getStatus(taskId)) ?? before;
      const text = cancelled
        ? `${keepBest ? 'Stopped' : 'Cancelled'} task ${taskId}; it is now ${after.state}${keepBest ? ' with the best proposal so far (provisional)' : ''}. Next: get_task_result {"taskId":"${taskId}"}.`
        : `Task ${taskId} was not ${keepBest ? 'a running consensus' : 'running'} (${after.state}); nothing was stopped. Its result: get_task_result {"taskId":"${taskId}"}.`;
      return toolResult(text, { taskId, cancelled, state: after.state });
    },
  );
}
