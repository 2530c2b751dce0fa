import { z } from 'zod';
import { combineFinals } from '../../core/engine';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { registerTool } from '../register-tool';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

export function registerMergeResultsTool({ server }: ToolContext): void {
  registerTool(
    server,
    'merge_results',
    {
      title: 'Merge final versions',
      description: `Combine final versions into one: differing line hunks go by majority, ties by highest mean score. Instant, free. Use once check_convergence says converged.`,
      input: {
        finals: z
          .array(
            z.object({
              participantId: z.string().min(1).max(100),
              product: z.string().max(MAX_PRODUCT_CHARS, {
                error: `A final version is over ${MAX_PRODUCT_CHARS / 1000} KB; shorten it.`,
              }),
              meanScore: z.number().min(1).max(10).optional(),
            }),
          )
          .min(1, { error: 'Give at least one final version in "finals".' })
          .max(16)
          .describe('meanScore breaks ties.'),
      },
      output: {
        product: z.string(),
        agreement: z.number().describe('Share of lines all versions agree on.'),
        decisions: z.array(
          z.object({
            hunk: z.number(),
            decidedBy: z.enum(['majority', 'highest-score']),
            winnerIds: z.array(z.string()),
          }),
        ),
      },
      effect: 'local',
      doing: 'combine the versions',
    },
    async ({ finals }) => {
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
    },
  );
}
