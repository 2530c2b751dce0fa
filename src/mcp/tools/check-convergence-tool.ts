import { z } from 'zod';
import { checkConvergence } from '../../core/engine';
import { MAX_PRODUCT_CHARS } from '../input-limits';
import { registerTool } from '../register-tool';
import { describeVerdicts, signalsOutputSchema, toSignalsOutput } from '../signals-output';
import type { ToolContext } from '../tool-context';
import { toolResult } from '../tool-result';

const improvementRoom = z.enum(['none', 'minor', 'major']);

export function registerCheckConvergenceTool({ server }: ToolContext): void {
  registerTool(
    server,
    'check_convergence',
    {
      title: 'Check convergence',
      description: `Convergence signals, a verdict per condition (text divergence, score spread, improvement room, round cap), for the proposals and scores you give. Instant, free. Next: merge_results if converged, else run_iteration.`,
      input: {
        proposals: z
          .array(
            z.object({
              authorId: z.string().min(1).max(100),
              product: z.string().max(MAX_PRODUCT_CHARS),
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
              majorIssues: z.number().int().min(0).max(100).optional(),
            }),
          )
          .max(256)
          .optional()
          .describe('Peer scores.'),
        improvementRoom: z.record(z.string(), improvementRoom).optional().describe('Per reviewer.'),
        round: z.number().int().min(1).max(8).optional().describe('Their round.'),
        maxRounds: z.number().int().min(1).max(8).optional().describe('Default 4.'),
        thresholds: z
          .object({
            maxTextDivergence: z.number().min(0).max(1).optional(),
            maxScoreSpread: z.number().min(0).max(9).optional(),
            maxImprovementRoom: improvementRoom.optional(),
          })
          .optional()
          .describe('Defaults 0.15, 1.0, minor.'),
        previousMeanScore: z.number().optional().describe('Of the last round.'),
      },
      output: signalsOutputSchema,
      effect: 'local',
      doing: 'compute the convergence signals',
    },
    async (args) => {
      const signals = checkConvergence(args);
      const text = `${signals.converged ? 'Converged' : 'Not converged'}: ${describeVerdicts(signals)}.\nNext: ${signals.converged ? 'combine the proposals with merge_results.' : 'run another round with run_iteration, or stop and take the best-scored proposal.'}`;
      return toolResult(text, toSignalsOutput(signals));
    },
  );
}
