import { taskIdField } from '../input-schemas';
import { registerTool } from '../register-tool';
import { elsewhereIfListed } from '../output-schema';
import { signalsOutputSchema } from '../signals-output';
import { describeStatus, statusOutputSchema, toStatusOutput } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerGetTaskStatusTool({ server, council, listed }: ToolContext): void {
  registerTool(
    server,
    'get_task_status',
    {
      title: 'Task status',
      description: `A task's state, phase, round and progress. Instant, free. Poll every 10–30 s; once completed, failed or cancelled: get_task_result.`,
      input: { taskId: taskIdField },
      // Spelled out by check_convergence where it is listed too.
      output: statusOutputSchema.extend({
        signals: elsewhereIfListed(signalsOutputSchema, 'check_convergence', listed).optional(),
      }),
      effect: 'local',
      doing: 'read the task status',
    },
    async ({ taskId }) => {
      const status = await council.getStatus(taskId);
      if (!status) {
        return toolError(
          `No task with id "${taskId}". Use the id that start_consensus_task returned (tasks of an earlier server session may be gone).`,
        );
      }
      return toolResult(describeStatus(status), toStatusOutput(status));
    },
  );
}
