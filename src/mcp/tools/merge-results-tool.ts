import { z } from 'zod';
import { combineFinals } from '../../core/engine';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { describeError } from '../describe-error';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerMergeResultsTool({ server }: ToolContext): void {
  server.registerTool(
    'merge_results',
    {
      title: 'Merge final versions by majority',
      description: `Combine final versions (e.g. from several models) into one: line hunks on which the versions differ are decided by majority, ties by the highest mean score; reports the share of lines all versions agree on and how each hunk was decided.
Instant and free: a local computation, no model calls.
Use it on the merged proposals of run_iteration once check_convergence says they converged; run_consensus_task does this (plus ratification) for you.`,
      inputSchema: {
        finals: z
          .array(
            z.object({
              participantId: z.string().min(1).max(100).describe('Who wrote this version.'),
              product: z
                .string()
                .max(MAX_PRODUCT_CHARS, {
                  error: `A final version is over ${MAX_PRODUCT_CHARS / 1000} KB; shorten it.`,
                })
                .describe('The version text.'),
              meanScore: z
                .number()
                .min(1)
                .max(10)
                .optional()
                .describe('Its mean peer score; breaks ties.'),
            }),
          )
          .min(1, { error: 'Give at least one final version in "finals".' })
          .max(16)
          .describe('The final versions to combine.'),
      },
      outputSchema: {
        product: z.string().describe('The combined version.'),
        agreement: z.number().describe('Share of lines on which all versions agree, 0..1.'),
        decisions: z.array(
          z.object({
            hunk: z.number(),
            decidedBy: z.enum(['majority', 'highest-score']),
            winnerIds: z.array(z.string()),
          }),
        ),
      },
      annotations: {
        title: 'Merge results',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ finals }) => {
      try {
        const combined = combineFinals(finals);
        const ties = combined.decisions.filter((d) => d.decidedBy === 'highest-score').length;
        const text = [
          `Combined ${finals.length} version(s); they agree on ${(combined.agreement * 100).toFixed(0)}% of lines. ${combined.decisions.length} differing hunk(s) decided${ties > 0 ? `, ${ties} of them by highest score because no majority existed` : ' by majority'}.`,
          'The combined product follows as its own block.',
          combined.agreement < 0.8
            ? 'Next: the versions differ a lot; consider another run_iteration round before using this.'
            : 'Next: use the combined product (show the user the diff for code).',
        ].join('\n');
        return toolResult(
          text,
          {
            product: combined.product,
            agreement: combined.agreement,
            decisions: combined.decisions.map((d) => ({ ...d, winnerIds: [...d.winnerIds] })),
          },
          { blocks: [combined.product] },
        );
      } catch (error) {
        return toolError(describeError(error, 'combine the versions'));
      }
    },
  );
}
