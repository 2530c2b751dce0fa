/** A background task's status as the poll tools return it (seed 001 task model). */
import { z } from 'zod';
import type { TaskStatus } from '../shared/council-service';
import { signalsOutputSchema, toSignalsOutput } from './signals-output';

export const statusOutputShape = {
  taskId: z.string(),
  protocol: z.enum(['consensus', 'vote']),
  state: z.enum(['pending', 'queued', 'in_progress', 'completed', 'failed', 'cancelled']),
  phase: z.string().optional().describe('draft, review, merge, final, ratify, vote or judge.'),
  round: z.number().optional(),
  maxRounds: z.number().optional(),
  progress: z.number().describe('0..1, rough share of the expected model calls done.'),
  signals: signalsOutputSchema.optional().describe("The latest round's convergence signals."),
  message: z.string(),
  startedAt: z.number(),
  updatedAt: z.number(),
};
export const statusOutputSchema = z.object(statusOutputShape);
export type StatusOutput = z.infer<typeof statusOutputSchema>;

export function toStatusOutput(status: TaskStatus): StatusOutput {
  return {
    taskId: status.taskId,
    protocol: status.protocol,
    state: status.state,
    ...(status.phase !== undefined ? { phase: status.phase } : {}),
    ...(status.round !== undefined ? { round: status.round } : {}),
    ...(status.maxRounds !== undefined ? { maxRounds: status.maxRounds } : {}),
    progress: status.progress,
    ...(status.signals ? { signals: toSignalsOutput(status.signals) } : {}),
    message: status.message,
    startedAt: status.startedAt,
    updatedAt: status.updatedAt,
  };
}

export function isFinished(status: TaskStatus): boolean {
  return status.state === 'completed' || status.state === 'failed' || status.state === 'cancelled';
}

export function describeStatus(status: TaskStatus): string {
  const where =
    status.phase !== undefined
      ? ` — ${status.phase}${status.round !== undefined ? `, round ${status.round}${status.maxRounds ? ` of at most ${status.maxRounds}` : ''}` : ''}`
      : '';
  const head = `Task ${status.taskId} (${status.protocol}) is ${status.state}${where}, about ${Math.round(status.progress * 100)}% done. ${status.message}`;
  const next = isFinished(status)
    ? `Next: get_task_result {"taskId":"${status.taskId}"} for the product.`
    : `Next: call get_task_status again in 10–30 s, or get_task_result {"taskId":"${status.taskId}","waitSeconds":50} to wait; cancel_task to stop it.`;
  return `${head}\n${next}`;
}
