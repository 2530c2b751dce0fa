import { z } from 'zod';
import { checkConvergence } from '../../core/engine';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { describeError } from '../describe-error';
import { describeVerdicts, signalsOutputShape, toSignalsOutput } from '../signals-output';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

export function registerCheckConvergenceTool({ server }: ToolContext): void {
  server.registerTool(
    'check_convergence',
    {
      title: 'Check convergence of proposals',
      description: `Compute the Consensus Protocol's convergence signals for proposals you supply, with the verdict per condition: text divergence between the proposals (diff-based, 0..1), spread of the mean peer scores, the reviewers' remaining improvement room, and the round cap.
Instant and free: a local computation, no model calls.
Use it after run_iteration (pass its merged proposals and review scores) to decide whether another round is worth it.`,
      inputSchema: {
        proposals: z
          .array(
            z.object({
              authorId: z.string().min(1).max(100).describe('Id of the proposal.'),
              product: z.string().max(MAX_PRODUCT_CHARS).describe('The proposal text.'),
            }),
          )
          .min(1, { error: 'Give at least one proposal.' })
          .max(16)
          .describe('The proposals to compare.'),
        scores: z
          .array(
            z.object({
              reviewerId: z.string().max(100),
              authorId: z.string().max(100),
              score: z.number().min(1).max(10),
              majorIssues: z.number().int().min(0).optional(),
            }),
          )
          .max(256)
          .optional()
          .describe('Peer scores: which reviewer gave which proposal which score (1..10).'),
        improvementRoom: z
          .record(z.string(), z.enum(['none', 'minor', 'major']))
          .optional()
          .describe('Per reviewer, how much room for improvement remains.'),
        round: z.number().int().min(1).max(8).optional().describe('The round these belong to.'),
        maxRounds: z.number().int().min(1).max(8).optional().describe('The round cap (default 4).'),
        thresholds: z
          .object({
            maxTextDivergence: z.number().min(0).max(1).optional(),
            maxScoreSpread: z.number().min(0).max(9).optional(),
            maxImprovementRoom: z.enum(['none', 'minor', 'major']).optional(),
          })
          .optional()
          .describe('Thresholds (defaults 0.15, 1.0, "minor").'),
        previousMeanScore: z
          .number()
          .optional()
          .describe("Last round's mean score, for the score movement."),
      },
      outputSchema: signalsOutputShape,
      annotations: {
        title: 'Check convergence',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async (args) => {
      try {
        const signals = checkConvergence(args);
        const text = `${signals.converged ? 'Converged' : 'Not converged'}: ${describeVerdicts(signals)}.\nNext: ${signals.converged ? 'combine the proposals with merge_results.' : 'run another round with run_iteration, or stop and take the best-scored proposal.'}`;
        return toolResult(text, toSignalsOutput(signals));
      } catch (error) {
        return toolError(describeError(error, 'compute the convergence signals'));
      }
    },
  );
}
