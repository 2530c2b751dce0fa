/** What a consensus run's and a vote's structured results share: id, cost, error, failures. */
import { z } from 'zod';
import type { CostSummary } from '../core/consensus-types';
import type { SerializedModelError } from '../core/model-error';
import { costOutputSchema, toCostOutput } from './cost-output';
import { briefly, type failureOutputSchema } from './output-schema';

export const runOutputFields = {
  taskId: z.string(),
  cost: costOutputSchema,
  error: briefly(z.object({ message: z.string(), hint: z.string().optional() })).optional(),
  transcriptIncomplete: z.boolean().optional(),
};

/** The values of `runOutputFields` that are not copied as they are. */
export function runOutputValues(result: { runId: string; cost: CostSummary }): {
  taskId: string;
  cost: z.output<typeof costOutputSchema>;
} {
  return { taskId: result.runId, cost: toCostOutput(result.cost) };
}

export type FailureOutput = z.output<typeof failureOutputSchema>;

/** A participant's failure: "kind: message" and the hint of its error. */
export function toFailureOutput(failure: {
  participantId: string;
  error: SerializedModelError;
}): FailureOutput {
  const { kind, message, hint } = failure.error;
  return { participantId: failure.participantId, error: `${kind}: ${message}`, hint };
}
