import { z } from 'zod';
import { participantsField } from '../input-schemas';
import { MAX_CONTEXT_CHARS, MAX_TASK_CHARS } from '../input-limits';
import { describeError } from '../describe-error';
import { reportProgress } from '../progress-reporter';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';
import { describeVote, toVoteOutput, voteOutputShape } from '../vote-output';
import type { ModelNote } from '../../shared/model-note';
import { withRunWarnings } from '../run-warnings-text';

export function registerConsensusVoteTool({ server, council }: ToolContext): void {
  server.registerTool(
    'consensus_vote',
    {
      title: 'Quick vote among the models',
      description: `Ask every participant the same question once, group equivalent answers (a judge model not among the voters, or local similarity as a fallback) and report whether a majority (>50%), supermajority (≥2/3) or unanimous agreement was reached, with the winning answer, confidence (agreeing/responding) and the dissenting answers.
Takes 10–60 s and calls paid vendor APIs (one call per participant plus the judge). Sends progress notifications.
No agreement is a normal result (reached=false, with the groups of answers); participants that fail are listed with the reason.
Use it for questions with a short answer (a decision, a choice, a fact check); for producing or changing code or a document use run_consensus_task.`,
      inputSchema: {
        question: z
          .string({ error: 'Missing "question": the question every participant answers.' })
          .trim()
          .min(1, { error: '"question" is empty.' })
          .max(MAX_TASK_CHARS, {
            error: `"question" is over ${MAX_TASK_CHARS / 1000} KB; ask a shorter question and put material in "context".`,
          })
          .describe('The question every participant answers independently.'),
        strategy: z
          .enum(['majority', 'supermajority', 'unanimous'])
          .optional()
          .describe(
            'Agreement needed: majority (>50%, default), supermajority (≥2/3) or unanimous.',
          ),
        context: z
          .string()
          .max(MAX_CONTEXT_CHARS, {
            error: `"context" is over ${MAX_CONTEXT_CHARS / 1000} KB; keep only what the voters need.`,
          })
          .optional()
          .describe('Material every voter reads with the question.'),
        participants: participantsField,
        judge: z
          .string()
          .regex(/^[A-Za-z0-9_.-]+:.+$/, {
            error: 'judge is "provider:model", e.g. "openai:gpt-6.2-sol".',
          })
          .max(200)
          .optional()
          .describe(
            '"provider:model" of the model that groups the answers; must not be a voter. Picked automatically when absent.',
          ),
      },
      outputSchema: voteOutputShape,
      annotations: {
        title: 'Consensus vote',
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
        ({ runId, warnings } = await council.startVote({
          input: {
            question: args.question,
            strategy: args.strategy ?? 'majority',
            ...(args.context !== undefined ? { context: args.context } : {}),
          },
          ...(args.participants !== undefined ? { participants: args.participants } : {}),
          ...(args.judge !== undefined ? { judge: args.judge } : {}),
          origin: 'mcp',
        }));
      } catch (error) {
        return toolError(describeError(error, 'start the vote'));
      }
      const stopProgress = reportProgress(council, runId, extra);
      const cancelRun = (): void => void council.cancel(runId).catch(() => {});
      extra.signal.addEventListener('abort', cancelRun, { once: true });
      try {
        const result = await council.waitForResult(runId);
        if ('status' in result) return toolError(`Run ${runId} is not a vote.`);
        const output = withRunWarnings(
          toolResult(describeVote(result), toVoteOutput(result)),
          warnings,
        );
        return result.error && result.responding === 0 ? { ...output, isError: true } : output;
      } catch (error) {
        return toolError(describeError(error, 'finish the vote'));
      } finally {
        stopProgress();
        extra.signal.removeEventListener('abort', cancelRun);
      }
    },
  );
}
