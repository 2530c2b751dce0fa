import { awaitRun } from '../await-run';
import { consensusOutputSchema } from '../consensus-output';
import { toConsensusRequest } from '../consensus-request';
import { describeError } from '../describe-error';
import { consensusInputShape } from '../input-schemas';
import { registerTool } from '../register-tool';
import { withRunWarnings } from '../run-warnings-text';
import type { ToolContext } from '../tool-context';
import { toolError } from '../tool-result';
import { consensusToolResult } from './consensus-tool-result';

export const RUN_CONSENSUS_TASK_DESCRIPTION = `The council drafts, reviews anonymously, merges and ratifies one product, dissent kept. 1–10 min, paid: about 3+2×rounds calls per model, cost reported. No agreement is a status, not an error. Client timeouts: use start_consensus_task. Next: get_iteration_log for the debate.`;

export function registerRunConsensusTaskTool({ server, council }: ToolContext): void {
  registerTool(
    server,
    'run_consensus_task',
    {
      title: 'Run a consensus task',
      description: RUN_CONSENSUS_TASK_DESCRIPTION,
      input: consensusInputShape,
      output: consensusOutputSchema,
      effect: 'paid',
      doing: 'start the consensus run',
    },
    async (args, extra) => {
      const { runId, warnings } = await council.startConsensus(toConsensusRequest(args));
      try {
        const result = await awaitRun(council, runId, extra);
        if (!('status' in result)) return toolError(`Run ${runId} is not a consensus run.`);
        return withRunWarnings(consensusToolResult(result), warnings);
      } catch (error) {
        return toolError(
          `${describeError(error, 'finish the consensus run')}\nThe run id was ${runId}; get_task_status may still know it.`,
        );
      }
    },
  );
}
