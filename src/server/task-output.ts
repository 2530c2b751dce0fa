/** The task record as tools return it (seed §5.1), with its output schema. */
import { z } from 'zod';
import { isCouncilTaskType } from './council-job';
import { publicTask, type StoredTask } from './task-record';

export const taskOutputSchema = z.object({
  task_id: z.string(),
  agent_type: z.string(),
  status: z.enum(['pending', 'in_progress', 'completed', 'failed', 'cancelled']),
  created_at: z.string(),
  updated_at: z.string(),
  assigned_agent_id: z.string().nullable(),
  task_description: z.string(),
  context: z.record(z.string(), z.unknown()),
  dependencies: z.array(z.string()),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});

export const taskOutput = (task: StoredTask): z.infer<typeof taskOutputSchema> => publicTask(task);

/** One line an LLM can act on: where the task is and what to do next. */
export function describeTaskState(task: StoredTask): string {
  if (
    isCouncilTaskType(task.agent_type) &&
    (task.status === 'pending' || task.status === 'in_progress')
  ) {
    return task.status === 'pending'
      ? `Council run ${task.task_id} is pending: it waits for an instance of the team server to start it. Check again with get_task_status in 10-30 s.`
      : `Council run ${task.task_id} is running on instance ${task.assigned_agent_id}. Check again with get_task_status in 10-30 s; cancel_task stops it.`;
  }
  switch (task.status) {
    case 'pending':
      return task.queued_at === undefined && task.dependencies.length > 0
        ? `Task ${task.task_id} is pending: it waits for its dependencies (${task.dependencies.join(', ')}) to complete before a ${task.agent_type} agent can take it. Check again later with get_task_status.`
        : `Task ${task.task_id} is pending: it waits for a ${task.agent_type} agent to take it with poll_tasks. Check again later with get_task_status.`;
    case 'in_progress':
      return `Task ${task.task_id} is in progress: agent ${task.assigned_agent_id} is working on it. Check again later with get_task_status; when it is completed, call get_result.`;
    case 'completed':
      return `Task ${task.task_id} is completed by ${task.assigned_agent_id}. Call get_result for its result (it may list subtasks to create with create_task).`;
    case 'failed':
      return `Task ${task.task_id} failed: ${(task.error ?? 'no reason given').replace(/\.$/, '')}. Decide whether to create a new task (create_task) or report the failure.`;
    case 'cancelled':
      return `Task ${task.task_id} was cancelled (${task.error ?? ''}). Tasks that depended on it failed.`;
  }
}
