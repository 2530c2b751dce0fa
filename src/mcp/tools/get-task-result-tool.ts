import { z } from 'zod';
import { waitAWhile } from '../await-run';
import { consensusOutputSchema } from '../consensus-output';
import { taskIdField } from '../input-schemas';
import { registerTool } from '../register-tool';
import { elsewhere } from '../output-schema';
import { describeStatus, isFinished, statusOutputSchema, toStatusOutput } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';
import { describeVote, toVoteOutput, voteOutputSchema } from '../vote-output';
import { consensusToolResult } from './consensus-tool-result';

/** Clients often time out at 60 s, so a poll waits less than that. */
const MAX_WAIT_SECONDS = 50;

export function registerGetTaskResultTool({ server, council }: ToolContext): void {
  registerTool(
    server,
    'get_task_result',
    {
      title: 'Task result',
      description: `A finished task's result; before the end, its status and finished=false. Instant, or up to waitSeconds; free. Next: use the product; get_iteration_log has the debate.`,
      input: {
        taskId: taskIdField,
        waitSeconds: z
          .number()
          .min(0)
          .max(MAX_WAIT_SECONDS, {
            error: `waitSeconds is at most ${MAX_WAIT_SECONDS} (clients often time out at 60 s); poll again instead.`,
          })
          .optional()
          .describe('Seconds to wait for the end first.'),
      },
      output: {
        taskId: z.string(),
        finished: z.boolean(),
        status: elsewhere(statusOutputSchema, 'get_task_status'),
        consensus: elsewhere(consensusOutputSchema, 'run_consensus_task').optional(),
        vote: elsewhere(voteOutputSchema, 'consensus_vote').optional(),
      },
      effect: 'local',
      doing: 'read the task result',
    },
    async ({ taskId, waitSeconds = 0 }, extra) => {
      let status = await council.getStatus(taskId);
      if (!status) {
        return toolError(
          `No task with id "${taskId}". Use the id that start_consensus_task returned.`,
        );
      }
      if (!isFinished(status) && waitSeconds > 0) {
        await waitAWhile(council, taskId, waitSeconds * 1000, extra.signal);
        status = (await council.getStatus(taskId)) ?? status;
      }
      const result = isFinished(status) ? await council.getResult(taskId) : undefined;
      const statusOut = toStatusOutput(status);
      if (!result) {
        return toolResult(
          `Task ${taskId} has not finished yet (${status.state}, phase ${status.phase ?? 'starting'}, round ${status.round ?? 0}).\n${describeStatus(status)}`,
          { taskId, finished: false, status: statusOut },
        );
      }
      const finished = { taskId, finished: true, status: statusOut };
      if ('status' in result) {
        return consensusToolResult(result, (consensus) => ({ ...finished, consensus }));
      }
      return toolResult(describeVote(result), { ...finished, vote: toVoteOutput(result) });
    },
  );
}
