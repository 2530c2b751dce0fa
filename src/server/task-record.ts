/** The task record of the team server (the seed's task object) and what is kept beside it. */
export type TaskStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

export const FINISHED_STATUSES: readonly TaskStatus[] = ['completed', 'failed', 'cancelled'];

export interface TaskRecord {
  task_id: string;
  agent_type: string;
  status: TaskStatus;
  created_at: string;
  updated_at: string;
  assigned_agent_id: string | null;
  task_description: string;
  context: Record<string, unknown>;
  dependencies: string[];
  result: Record<string, unknown> | null;
  error: string | null;
}

/** Server-side fields: never returned to a caller (the lease token proves the lease). */
export interface StoredTask extends TaskRecord {
  created_by: string;
  lease_token?: string;
  /** Epoch ms the task became available to its agents (all dependencies completed). */
  queued_at?: number;
  /** Epoch ms the current lease began. */
  started_at?: number;
}

export function publicTask(task: StoredTask): TaskRecord {
  const {
    created_by: _by,
    lease_token: _token,
    queued_at: _queued,
    started_at: _started,
    ...record
  } = task;
  return record;
}
