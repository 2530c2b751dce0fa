/** A background task's status as the poll tools return it (seed 001 task model). */
import { z } from 'zod';
import type { TaskStatus } from '../shared/council-service';
import { signalsOutputSchema } from './signals-output';
import { TRANSCRIPT_INCOMPLETE_NOTE } from './transcript-incomplete-note';
import { briefly, outputOf } from './output-schema';

export const statusOutputSchema = z.object({
  taskId: z.string(),
  protocol: z.enum(['consensus', 'vote']),
  state: z.enum(['pending', 'queued', 'in_progress', 'completed', 'failed', 'cancelled']),
  phase: z.string().optional().describe('While running; a finished task has none.'),
  round: z.number().optional(),
  maxRounds: z.number().optional(),
  progress: z.number().describe('0..1 of the expected model calls.'),
  signals: briefly(signalsOutputSchema).optional(),
  message: z.string(),
  transcriptIncomplete: z.boolean().optional(),
  startedAt: z.number(),
  updatedAt: z.number(),
});
export type StatusOutput = z.infer<typeof statusOutputSchema>;

export function toStatusOutput(status: TaskStatus): StatusOutput {
  return outputOf(statusOutputSchema, status);
}

export function isFinished(status: TaskStatus): boolean {
  return status.state === 'completed' || status.state === 'failed' || status.state === 'cancelled';
}

export function describeStatus(status: TaskStatus): string {
  const head = `Task ${status.taskId} (${status.protocol}) is ${status.state}${whereItIs(status)}, about ${Math.round(status.progress * 100)}% done. ${status.message}`;
  const warning = status.transcriptIncomplete ? `\n${TRANSCRIPT_INCOMPLETE_NOTE}` : '';
  const next = isFinished(status)
    ? `Next: get_task_result {"taskId":"${status.taskId}"} for the product.`
    : `Next: call get_task_status again in 10–30 s, or get_task_result {"taskId":"${status.taskId}","waitSeconds":50} to wait; cancel_task to stop it.`;
  return `${head}${warning}\n${next}`;
}

/** The phase and round of a running task; the round a finished one ended after. */
function whereItIs(status: TaskStatus): string {
  if (isFinished(status)) return status.round === undefined ? '' : ` after round ${status.round}`;
  if (status.phase === undefined) return '';
  if (status.round === undefined) return ` — ${status.phase}`;
  const cap = status.maxRounds ? ` of at most ${status.maxRounds}` : '';
  return ` — ${status.phase}, round ${status.round}${cap}`;
}
