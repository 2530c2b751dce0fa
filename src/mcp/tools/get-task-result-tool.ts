import { z } from 'zod';
import { taskIdField } from '../input-schemas';
import { describeError } from '../describe-error';
import { consensusOutputSchema } from '../consensus-output';
import { voteOutputSchema, describeVote, toVoteOutput } from '../vote-output';
import { describeStatus, isFinished, statusOutputSchema, toStatusOutput } from '../status-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';
import { consensusToolResult } from './consensus-tool-result';

export function registerGetTaskResultTool({ server, council }: ToolContext): void {
  server.registerTool(
    'get_task_result',
    {
      title: 'Result of a background task',
      description: `Return the result of a task started by start_consensus_task (also works for run ids of run_consensus_task and consensus_vote).
If the task is still running it returns its status with finished=false (optionally after waiting up to waitSeconds, max 50, for it to end); call again later.
Free (no model calls). When finished, returns the same summary, product block, structured data and resource links as run_consensus_task (or consensus_vote for a vote).`,
      inputSchema: {
        taskId: taskIdField,
        waitSeconds: z
          .number()
          .min(0)
          .max(50, {
            error:
              'waitSeconds is at most 50 (clients often time out at 60 s); poll again instead.',
          })
          .optional()
          .describe(
            'Wait up to this many seconds for an unfinished task to end before answering (0..50, default 0).',
          ),
      },
      outputSchema: {
        taskId: z.string(),
        finished: z.boolean(),
        status: statusOutputSchema,
        consensus: consensusOutputSchema
          .optional()
          .describe('Present when a consensus task finished.'),
        vote: voteOutputSchema.optional().describe('Present when a vote finished.'),
      },
      annotations: {
        title: 'Get task result',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ taskId, waitSeconds }, extra) => {
      try {
        let status = await council.getStatus(taskId);
        if (!status) {
          return toolError(
            `No task with id "${taskId}". Use the id that start_consensus_task returned.`,
          );
        }
        if (!isFinished(status) && waitSeconds !== undefined && waitSeconds > 0) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), waitSeconds * 1000);
          const onAbort = (): void => controller.abort();
          extra.signal.addEventListener('abort', onAbort, { once: true });
          await council.waitForResult(taskId, controller.signal).catch(() => undefined);
          clearTimeout(timer);
          extra.signal.removeEventListener('abort', onAbort);
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
        if ('status' in result) {
          return consensusToolResult(result, (consensus) => ({
            taskId,
            finished: true,
            status: statusOut,
            consensus,
          }));
        }
        return toolResult(describeVote(result), {
          taskId,
          finished: true,
          status: statusOut,
          vote: toVoteOutput(result),
        });
      } catch (error) {
        return toolError(describeError(error, 'read the task result'));
      }
    },
  );
}
