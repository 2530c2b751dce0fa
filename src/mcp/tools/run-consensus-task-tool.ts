import { consensusInputShape } from '../input-schemas';
import { consensusOutputShape } from '../consensus-output';
import { toConsensusRequest } from '../consensus-request';
import { describeError } from '../describe-error';
import { reportProgress } from '../progress-reporter';
import type { ToolContext } from '../tool-context';
import { toolError } from '../tool-result';
import { consensusToolResult } from './consensus-tool-result';
import type { ModelNote } from '../../shared/model-note';
import { withRunWarnings } from '../run-warnings-text';

export const RUN_CONSENSUS_TASK_DESCRIPTION = `Run the whole Consensus Protocol on a task and return the agreed product.
Several LLMs from different vendors each draft an answer, review each other's drafts anonymously (scores and critique), merge, repeat until they converge (or the round cap), then combine their finals and ratify the result; dissent is kept in a minority report.
Takes 1–10 minutes (about 3 + 2×rounds model calls per participant) and calls paid vendor APIs (cost is reported). Sends progress notifications per phase and round.
Needs the participants' API keys (list_participants shows which are missing). If the models do not agree the status is provisional or deadlock (not an error) and the dissent is listed; a participant that fails drops out and is named with what to fix.
Returns: a short summary, the product as its own text block, structured data (status, rounds, dissent, signals, cost) and links to the transcript and final product resources.
Use this when your client can wait minutes; otherwise use start_consensus_task and poll get_task_status / get_task_result. For a quick poll of opinions use consensus_vote. Pass the code to change as "selection" to get a full replacement for it.`;

export function registerRunConsensusTaskTool({ server, council }: ToolContext): void {
  server.registerTool(
    'run_consensus_task',
    {
      title: 'Run a consensus task (waits for the result)',
      description: RUN_CONSENSUS_TASK_DESCRIPTION,
      inputSchema: consensusInputShape,
      outputSchema: consensusOutputShape,
      annotations: {
        title: 'Run a consensus task',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    async (args, extra) => {
      let runId: string;
      let warnings: ModelNote[] | undefined;
      try {
        ({ runId, warnings } = await council.startConsensus(toConsensusRequest(args)));
      } catch (error) {
        return toolError(describeError(error, 'start the consensus run'));
      }
      const stopProgress = reportProgress(council, runId, extra);
      // The client cancelling its request cancels the run (it would otherwise spend on).
      const cancelRun = (): void => void council.cancel(runId).catch(() => {});
      extra.signal.addEventListener('abort', cancelRun, { once: true });
      try {
        const result = await council.waitForResult(runId);
        if (!('status' in result)) return toolError(`Run ${runId} is not a consensus run.`);
        return withRunWarnings(consensusToolResult(result), warnings);
      } catch (error) {
        return toolError(
          `${describeError(error, 'finish the consensus run')}\nThe run id was ${runId}; get_task_status may still know it.`,
        );
      } finally {
        stopProgress();
        extra.signal.removeEventListener('abort', cancelRun);
      }
    },
  );
}
