import { z } from 'zod';
import { toConsensusRequest } from '../consensus-request';
import { consensusInputShape, sharedFields } from '../input-schemas';
import { elsewhereIfListed } from '../output-schema';
import { registerTool } from '../register-tool';
import { withRunWarnings } from '../run-warnings-text';
import { statusOutputSchema } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

export function registerStartConsensusTaskTool({ server, council, listed }: ToolContext): void {
  const input = sharedFields('run_consensus_task', listed, consensusInputShape);
  registerTool(
    server,
    'start_consensus_task',
    {
      title: 'Start a consensus task',
      description: `run_consensus_task in the background: returns a task id at once; the run takes 1–10 min, paid.${input.shared ? ' Fields as in run_consensus_task.' : ''} Next: get_task_status every 10–30 s, then get_task_result; cancel_task stops it.`,
      input: input.fields,
      output: {
        taskId: z.string(),
        state: elsewhereIfListed(statusOutputSchema.shape.state, 'get_task_status', listed),
      },
      effect: 'paid',
      doing: 'start the consensus task',
    },
    async (args) => {
      const { runId, warnings } = await council.startConsensus(toConsensusRequest(args));
      const status = await council.getStatus(runId);
      const state = status?.state ?? 'pending';
      return withRunWarnings(
        toolResult(
          `Started consensus task ${runId} in the background (${state}). It takes minutes.\nNext: call get_task_status {"taskId":"${runId}"} every 10–30 s; when its state is "completed", call get_task_result {"taskId":"${runId}"}. To stop it, call cancel_task.`,
          { taskId: runId, state },
        ),
        warnings,
      );
    },
  );
}
