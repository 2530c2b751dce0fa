import { z } from 'zod';
import { awaitRun } from '../await-run';
import { describeError } from '../describe-error';
import { participantsField, sharedFields } from '../input-schemas';
import { MAX_CONTEXT_CHARS, MAX_TASK_CHARS } from '../input-limits';
import { registerTool } from '../register-tool';
import { withRunWarnings } from '../run-warnings-text';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';
import { describeVote, toVoteOutput, voteOutputSchema } from '../vote-output';

export function registerConsensusVoteTool({ server, council, listed }: ToolContext): void {
  const shared = sharedFields('run_consensus_task', listed, { participants: participantsField });
  registerTool(
    server,
    'consensus_vote',
    {
      title: 'Quick vote',
      description: `Every model answers one short question once; a judge groups the answers and reports majority (>50%), supermajority (≥2/3) or unanimity. 10–60 s, paid (a call per voter plus the judge).${shared.shared ? ' participants as in run_consensus_task.' : ''} For code or documents: run_consensus_task.`,
      input: {
        question: z
          .string({ error: 'Missing "question": the question every participant answers.' })
          .trim()
          .min(1, { error: '"question" is empty.' })
          .max(MAX_TASK_CHARS, {
            error: `"question" is over ${MAX_TASK_CHARS / 1000} KB; ask a shorter question and put material in "context".`,
          })
          .describe('Asked of every model.'),
        strategy: z
          .enum(['majority', 'supermajority', 'unanimous'])
          .optional()
          .describe('Default: majority.'),
        context: z
          .string()
          .max(MAX_CONTEXT_CHARS, {
            error: `"context" is over ${MAX_CONTEXT_CHARS / 1000} KB; keep only what the voters need.`,
          })
          .optional()
          .describe('Read by every voter.'),
        ...shared.fields,
        judge: z
          .string()
          .regex(/^[\w.-]+:.+$/, {
            error: 'judge is "provider:model", e.g. "openai:gpt-6.2-sol".',
          })
          .max(200)
          .optional()
          .describe('"provider:model", not a voter. Default: picked.'),
      },
      output: voteOutputSchema,
      effect: 'paid',
      doing: 'start the vote',
    },
    async (args, extra) => {
      const { runId, warnings } = await council.startVote({
        input: {
          question: args.question,
          strategy: args.strategy ?? 'majority',
          ...(args.context !== undefined ? { context: args.context } : {}),
        },
        ...(args.participants !== undefined ? { participants: args.participants } : {}),
        ...(args.judge !== undefined ? { judge: args.judge } : {}),
        origin: 'mcp',
      });
      try {
        const result = await awaitRun(council, runId, extra);
        if ('status' in result) return toolError(`Run ${runId} is not a vote.`);
        const output = withRunWarnings(
          toolResult(describeVote(result), toVoteOutput(result)),
          warnings,
        );
        return result.error && result.responding === 0 ? { ...output, isError: true } : output;
      } catch (error) {
        return toolError(describeError(error, 'finish the vote'));
      }
    },
  );
}
