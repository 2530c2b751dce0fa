import { z } from 'zod';
import type { IterationInput } from '../../core/engine-api-types';
import { codeInputFields, participantsField, runSettingsFields, taskField } from '../input-schemas';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { costOutputSchema, describeCost, toCostOutput } from '../cost-output';
import { describeError } from '../describe-error';
import { describeVerdicts, signalsOutputSchema, toSignalsOutput } from '../signals-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';
import { errorText } from '../error-text';

const proposalField = z.object({
  authorId: z.string().min(1).max(100).describe('Any id you choose for this proposal, e.g. "A".'),
  product: z
    .string()
    .max(MAX_PRODUCT_CHARS, {
      error: `A proposal's "product" is over ${MAX_PRODUCT_CHARS / 1000} KB; shorten it.`,
    })
    .describe('The proposal itself (code or text).'),
  rationale: z.string().max(20_000).optional().describe('Why it is written this way (optional).'),
});

export function registerRunIterationTool({ server, council }: ToolContext): void {
  server.registerTool(
    'run_iteration',
    {
      title: 'Run one review-and-merge round',
      description: `Run ONE round of the Consensus Protocol on proposals you supply: every participant reviews the proposals anonymously (score 1–10, critique, major issues), then merges them into an improved proposal; returns the merged proposals, the scores and the convergence signals.
Takes 30 s–3 min and calls paid vendor APIs (2 calls per participant). Sends no progress.
Use it to drive the protocol step by step yourself (e.g. with your own drafts); for the whole protocol use run_consensus_task. To judge convergence of proposals you already scored use check_convergence (free).`,
      inputSchema: {
        task: taskField,
        proposals: z
          .array(proposalField)
          .min(1, { error: 'Give at least one proposal in "proposals".' })
          .max(8, { error: 'At most 8 proposals per round.' })
          .describe('The current proposals to review and merge.'),
        round: z
          .number()
          .int()
          .min(1)
          .max(8)
          .optional()
          .describe('Round number to record (default 1).'),
        selection: codeInputFields.selection,
        filePath: codeInputFields.filePath,
        languageId: codeInputFields.languageId,
        extraContext: codeInputFields.extraContext,
        outputKind: codeInputFields.outputKind,
        thresholds: runSettingsFields.thresholds,
        seed: runSettingsFields.seed,
        participants: participantsField,
      },
      outputSchema: {
        taskId: z.string(),
        round: z.number(),
        merged: z.array(
          z.object({ participantId: z.string(), product: z.string(), rationale: z.string() }),
        ),
        reviews: z.array(
          z.object({
            reviewerId: z.string(),
            authorId: z.string(),
            score: z.number(),
            majorIssues: z.number(),
            critique: z.array(z.string()),
          }),
        ),
        signals: signalsOutputSchema,
        abstentions: z.array(z.object({ participantId: z.string(), error: z.string() })),
        cost: costOutputSchema,
      },
      annotations: {
        title: 'Run one iteration',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    async (args, extra) => {
      const input: IterationInput = {
        task: args.task,
        outputKind: args.outputKind ?? (args.selection !== undefined ? 'code' : 'text'),
        proposals: args.proposals,
        ...(args.round !== undefined ? { round: args.round } : {}),
        ...(args.thresholds !== undefined ? { thresholds: args.thresholds } : {}),
        ...(args.seed !== undefined ? { seed: args.seed } : {}),
        ...(args.selection !== undefined || args.extraContext !== undefined
          ? {
              context: {
                selection: args.selection ?? '',
                ...(args.filePath !== undefined ? { filePath: args.filePath } : {}),
                ...(args.languageId !== undefined ? { languageId: args.languageId } : {}),
                ...(args.extraContext !== undefined ? { extra: args.extraContext } : {}),
              },
            }
          : {}),
      };
      try {
        const result = await council.runIteration(input, args.participants, extra.signal);
        const text = [
          `Round ${result.round} done: ${result.participants.length} participants reviewed ${args.proposals.length} proposal(s) and produced ${result.merged.length} merged proposal(s). ${result.signals.converged ? 'The proposals have converged.' : 'Not converged yet.'}`,
          `Signals: ${describeVerdicts(result.signals)}.`,
          ...result.abstentions.map((a) => `${a.participantId} dropped out: ${errorText(a.error)}`),
          `Cost: ${describeCost(result.cost)}.`,
          result.signals.converged
            ? 'Next: combine the merged proposals with merge_results, or take the top-scored one.'
            : 'Next: call run_iteration again with the merged proposals, or use run_consensus_task to let the council finish on its own.',
        ].join('\n');
        return toolResult(text, {
          taskId: result.runId,
          round: result.round,
          merged: result.merged.map((p) => ({
            participantId: p.participantId,
            product: p.product,
            rationale: p.rationale,
          })),
          reviews: result.reviews.map((r) => ({
            reviewerId: r.reviewerId,
            authorId: r.authorId,
            score: r.score,
            majorIssues: r.majorIssues,
            critique: [...r.critique],
          })),
          signals: toSignalsOutput(result.signals),
          abstentions: result.abstentions.map((a) => ({
            participantId: a.participantId,
            error: `${a.error.kind}: ${a.error.message}`,
          })),
          cost: toCostOutput(result.cost),
        });
      } catch (error) {
        return toolError(describeError(error, 'run the iteration'));
      }
    },
  );
}
