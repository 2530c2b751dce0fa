import { z } from 'zod';
import type { IterationResult } from '../../core/engine-api-types';
import { toTaskInput } from '../consensus-request';
import { costPointerSchema, describeCost } from '../cost-output';
import { errorText } from '../error-text';
import {
  codeInputFields,
  participantsField,
  runSettingsFields,
  sharedFields,
  taskField,
} from '../input-schemas';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { briefly, elsewhere, failureOutputSchema, outputOf } from '../output-schema';
import { runOutputFields, runOutputValues, toFailureOutput } from '../run-output-fields';
import { registerTool } from '../register-tool';
import { describeVerdicts, signalsOutputSchema } from '../signals-output';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

const proposalField = z.object({
  authorId: z.string().min(1).max(100),
  product: z.string().max(MAX_PRODUCT_CHARS, {
    error: `A proposal's "product" is over ${MAX_PRODUCT_CHARS / 1000} KB; shorten it.`,
  }),
  rationale: z.string().max(20_000).optional(),
});

const iterationOutputShape = {
  taskId: runOutputFields.taskId,
  round: z.number(),
  merged: briefly(
    z.array(z.object({ participantId: z.string(), product: z.string(), rationale: z.string() })),
  ),
  reviews: briefly(
    z.array(
      z.object({
        reviewerId: z.string(),
        authorId: z.string(),
        score: z.number(),
        majorIssues: z.number(),
        critique: z.array(z.string()),
      }),
    ),
  ),
  signals: elsewhere(signalsOutputSchema, 'check_convergence'),
  abstentions: briefly(z.array(failureOutputSchema)),
  cost: costPointerSchema,
};
const iterationOutputSchema = z.object(iterationOutputShape);

function toIterationOutput(result: IterationResult): z.output<typeof iterationOutputSchema> {
  return outputOf(iterationOutputSchema, {
    ...result,
    ...runOutputValues(result),
    abstentions: result.abstentions.map(toFailureOutput),
  });
}

function describeIteration(result: IterationResult, proposals: number): string {
  return [
    `Round ${result.round} done: ${result.participants.length} participants reviewed ${proposals} proposal(s) and produced ${result.merged.length} merged proposal(s). ${result.signals.converged ? 'The proposals have converged.' : 'Not converged yet.'}`,
    `Signals: ${describeVerdicts(result.signals)}.`,
    ...result.abstentions.map((a) => `${a.participantId} dropped out: ${errorText(a.error)}`),
    `Cost: ${describeCost(result.cost)}.`,
    result.signals.converged
      ? 'Next: combine the merged proposals with merge_results, or take the top-scored one.'
      : 'Next: call run_iteration again with the merged proposals, or use run_consensus_task to let the council finish on its own.',
  ].join('\n');
}

export function registerRunIterationTool({ server, council, listed }: ToolContext): void {
  const shared = sharedFields('run_consensus_task', listed, {
    task: taskField,
    ...codeInputFields,
    thresholds: runSettingsFields.thresholds,
    seed: runSettingsFields.seed,
    participants: participantsField,
  });
  registerTool(
    server,
    'run_iteration',
    {
      title: 'Run one round',
      description: `One round on your proposals: each model scores (1–10) and critiques them anonymously, then merges them. 30 s–3 min, paid (2 calls per model).${shared.shared ? ' Other fields as in run_consensus_task.' : ''} Next: run_iteration again, or merge_results once converged.`,
      input: {
        ...shared.fields,
        proposals: z
          .array(proposalField)
          .min(1, { error: 'Give at least one proposal in "proposals".' })
          .max(8, { error: 'At most 8 proposals per round.' })
          .describe('authorId is any id.'),
        round: z.number().int().min(1).max(8).optional().describe('Default 1.'),
      },
      output: iterationOutputShape,
      effect: 'paid',
      doing: 'run the iteration',
    },
    async (args, extra) => {
      const result = await council.runIteration(
        {
          ...toTaskInput(args),
          proposals: args.proposals,
          ...(args.round !== undefined ? { round: args.round } : {}),
          ...(args.thresholds !== undefined ? { thresholds: args.thresholds } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
        },
        args.participants,
        extra.signal,
      );
      return toolResult(
        describeIteration(result, args.proposals.length),
        toIterationOutput(result),
      );
    },
  );
}
