import { z } from 'zod';
import { consensusInputShape } from '../input-schemas';
import { toConsensusRequest } from '../consensus-request';
import { describeError } from '../describe-error';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerStartConsensusTaskTool({ server, council }: ToolContext): void {
  server.registerTool(
    'start_consensus_task',
    {
      title: 'Start a consensus task in the background',
      description: `Start the same Consensus Protocol as run_consensus_task, but return at once with a task id instead of waiting.
The run continues in the background for 1–10 minutes and calls paid vendor APIs.
Returns: the task id and state "in_progress". Then poll get_task_status (phase, round, progress, convergence signals) every 10–30 s, and fetch the product with get_task_result; cancel_task stops it.
Use this instead of run_consensus_task when your client times out on long tool calls (many give up after 60 s).`,
      inputSchema: consensusInputShape,
      outputSchema: {
        taskId: z.string().describe('Pass to get_task_status, get_task_result, cancel_task.'),
        state: z.enum(['pending', 'queued', 'in_progress', 'completed', 'failed', 'cancelled']),
      },
      annotations: {
        title: 'Start a consensus task',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    async (args) => {
      try {
        const { runId } = await council.startConsensus(toConsensusRequest(args));
        const status = await council.getStatus(runId);
        const state = status?.state ?? 'pending';
        return toolResult(
          `Started consensus task ${runId} in the background (${state}). It takes minutes.\nNext: call get_task_status {"taskId":"${runId}"} every 10–30 s; when its state is "completed", call get_task_result {"taskId":"${runId}"}. To stop it, call cancel_task.`,
          { taskId: runId, state },
        );
      } catch (error) {
        return toolError(describeError(error, 'start the consensus task'));
      }
    },
  );
}
