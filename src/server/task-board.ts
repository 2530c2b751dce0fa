/**
 * The task model of the team server: create, gate on dependencies, lease to polling agents,
 * accept results from the lease holder, cancel, and take back leases of silent agents.
 * Every state change goes through TaskStore.update (compare-and-set), so instances sharing one
 * Redis never lose or duplicate a task; BullMQ holds the leases (see task-queues.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { AgentRecord, AgentRegistry } from './agent-registry';
import type { Caller } from './agent-keys';
import { FINISHED_STATUSES, type StoredTask, type TaskStatus } from './task-record';
import type { TaskQueues } from './task-queues';
import type { TaskStore } from './task-store';
import type { TeamLog } from './team-log';
import type { TeamMetrics } from './team-metrics';
import { TeamError } from './team-error';

export interface TaskBoardParts {
  store: TaskStore;
  queues: TaskQueues;
  agents: AgentRegistry;
  metrics: TeamMetrics;
  log: TeamLog;
  agentTypes: string[];
  /** Told of every cancel, so a council run on another instance can be stopped. */
  onCancelled?: (task: StoredTask) => Promise<void>;
}

export interface NewTask {
  agent_type: string;
  task_description: string;
  context?: Record<string, unknown>;
  dependencies?: string[];
}

export interface Submission {
  task_id: string;
  status: 'completed' | 'failed';
  result?: Record<string, unknown>;
  error?: string;
}

const isFinished = (status: TaskStatus): boolean => FINISHED_STATUSES.includes(status);

/** A leased job back in its queue means BullMQ's stalled check took the lease back. */
async function isQueuedAgain(job: Job): Promise<boolean> {
  const state = await job.getState();
  return state === 'waiting' || state === 'prioritized';
}

export class TaskBoard {
  constructor(private readonly parts: TaskBoardParts) {}

  async create(caller: Caller, input: NewTask): Promise<StoredTask> {
    const { store, agentTypes, metrics, log } = this.parts;
    if (!agentTypes.includes(input.agent_type)) {
      throw new TeamError(
        `No agent type "${input.agent_type}". This server's agent types: ${agentTypes.join(', ')}.`,
      );
    }
    const dependencies = [...new Set(input.dependencies ?? [])];
    for (const id of dependencies) {
      if (!(await store.get(id))) {
        throw new TeamError(
          `Dependency "${id}" is not a task of this server; use a task_id that create_task returned.`,
        );
      }
    }
    const now = new Date();
    const task: StoredTask = {
      task_id: await store.nextId(now),
      agent_type: input.agent_type,
      status: 'pending',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      assigned_agent_id: null,
      task_description: input.task_description,
      context: input.context ?? {},
      dependencies,
      result: null,
      error: null,
      created_by: caller.agentId,
    };
    await store.insert(task);
    // Registered before the dependencies are read, so a dependency finishing meanwhile sees it.
    for (const id of dependencies) await store.addDependent(id, task.task_id);
    metrics.tasksCreated.inc({ agent_type: task.agent_type });
    log.event('task-created', {
      task_id: task.task_id,
      agent_type: task.agent_type,
      by: caller.agentId,
      dependencies: dependencies.length,
    });
    await this.evaluateGate(task.task_id);
    return (await store.get(task.task_id))!;
  }

  /** The task as it is now; a lease that BullMQ took back reads as pending. */
  async view(taskId: string): Promise<StoredTask | undefined> {
    const task = await this.parts.store.get(taskId);
    if (task?.status !== 'in_progress') return task;
    const job = await this.parts.queues.job(task.agent_type, taskId);
    if (!job || !(await isQueuedAgain(job))) return task;
    return (await this.returnToPending(taskId, task.lease_token)) ?? task;
  }

  /** Releases a pending task to its queue once every dependency completed; fails it if one did not. */
  private async evaluateGate(taskId: string): Promise<void> {
    const { store, queues } = this.parts;
    const task = await store.get(taskId);
    if (!task || task.status !== 'pending') return;
    const dependencies = await Promise.all(task.dependencies.map((id) => store.get(id)));
    const blocker = dependencies.find((d) => d && d.status !== 'completed' && isFinished(d.status));
    if (blocker) {
      const why = blocker.error ? `: ${blocker.error}` : '';
      await this.failUnleased(taskId, `Dependency ${blocker.task_id} ${blocker.status}${why}`);
      return;
    }
    if (!dependencies.every((d) => d?.status === 'completed')) return;
    await store.update(taskId, (t) =>
      t.status === 'pending' && t.queued_at === undefined
        ? { ...t, queued_at: Date.now() }
        : undefined,
    );
    await queues.release(task.agent_type, taskId);
  }

  private async afterFinish(taskId: string): Promise<void> {
    for (const dependent of await this.parts.store.dependentsOf(taskId)) {
      await this.evaluateGate(dependent);
    }
  }

  private async failUnleased(taskId: string, reason: string): Promise<void> {
    const failed = await this.parts.store.update(taskId, (t) =>
      t.status === 'pending' ? { ...t, status: 'failed', error: reason } : undefined,
    );
    if (!failed) return;
    await this.parts.queues.withdraw(failed.agent_type, taskId);
    this.parts.metrics.tasksFinished.inc({ agent_type: failed.agent_type, outcome: 'failed' });
    this.parts.log.event('task-failed', { task_id: taskId, cause: 'dependency' });
    await this.afterFinish(taskId);
  }

  async cancel(caller: Caller, taskId: string): Promise<{ task: StoredTask; wasLeased: boolean }> {
    const before = await this.parts.store.get(taskId);
    if (!before)
      throw new TeamError(`No task "${taskId}"; use a task_id that create_task returned.`);
    const cancelled = await this.parts.store.update(taskId, (t) =>
      isFinished(t.status)
        ? undefined
        : { ...t, status: 'cancelled', error: `Cancelled by ${caller.agentId}` },
    );
    if (!cancelled) {
      throw new TeamError(`Task ${taskId} is already ${before.status}; nothing to cancel.`);
    }
    await this.parts.queues.withdraw(cancelled.agent_type, taskId);
    await this.parts.onCancelled?.(cancelled);
    this.parts.metrics.tasksFinished.inc({
      agent_type: cancelled.agent_type,
      outcome: 'cancelled',
    });
    this.parts.log.event('task-cancelled', { task_id: taskId, by: caller.agentId });
    await this.afterFinish(taskId);
    return { task: cancelled, wasLeased: before.status === 'in_progress' };
  }

  /** Leases up to `maxTasks` available tasks of the caller's type to it; also a heartbeat. */
  async poll(
    caller: Caller,
    maxTasks: number,
  ): Promise<{ leased: StoredTask[]; agent: AgentRecord }> {
    const { store, queues, metrics, log } = this.parts;
    const leased: StoredTask[] = [];
    while (leased.length < maxTasks) {
      const token = `${caller.agentId}:${randomUUID()}`;
      const job = await queues.lease(caller.role, token);
      if (!job?.id) break;
      const now = Date.now();
      // BullMQ handed us the job, so any earlier lease on it is void (its agent went silent).
      const task = await store.update(job.id, (t) =>
        isFinished(t.status)
          ? undefined
          : {
              ...t,
              status: 'in_progress',
              assigned_agent_id: caller.agentId,
              lease_token: token,
              started_at: now,
            },
      );
      if (!task) {
        await queues.finish(caller.role, job.id, token, { completed: false, error: 'finished' });
        continue;
      }
      metrics.queueWait.observe(
        { agent_type: task.agent_type },
        (now - (task.queued_at ?? now)) / 1000,
      );
      log.event('task-leased', { task_id: task.task_id, agent_id: caller.agentId });
      leased.push(task);
    }
    const { agent } = await this.heartbeat(
      caller,
      undefined,
      leased.map((t) => t.task_id),
    );
    return { leased, agent };
  }

  /** Extends the leases the agent still holds and records its heartbeat. */
  async heartbeat(
    caller: Caller,
    capabilities?: string[],
    alsoHeld: string[] = [],
  ): Promise<{ agent: AgentRecord; lost: string[] }> {
    const previous = await this.parts.agents.get(caller.agentId);
    const held: string[] = [];
    const lost: string[] = [];
    for (const taskId of previous?.current_task_ids ?? []) {
      if (alsoHeld.includes(taskId)) continue;
      const task = await this.parts.store.get(taskId);
      const mine = task?.status === 'in_progress' && task.assigned_agent_id === caller.agentId;
      if (mine && (await this.parts.queues.extend(task.agent_type, taskId, task.lease_token!))) {
        held.push(taskId);
      } else if (task && !isFinished(task.status)) lost.push(taskId);
    }
    const { agent, registered } = await this.parts.agents.beat(
      caller.agentId,
      caller.role,
      [...held, ...alsoHeld],
      capabilities,
    );
    if (registered)
      this.parts.log.event('agent-registered', {
        agent_id: caller.agentId,
        agent_type: caller.role,
      });
    return { agent, lost };
  }

  async submit(caller: Caller, input: Submission): Promise<StoredTask> {
    const { store, queues, metrics, log } = this.parts;
    const task = await store.get(input.task_id);
    if (!task)
      throw new TeamError(
        `No task "${input.task_id}"; submit the task_id that poll_tasks gave you.`,
      );
    if (isFinished(task.status)) {
      throw new TeamError(
        `Task ${task.task_id} is already ${task.status}${task.error ? ` (${task.error})` : ''}; your result was not stored. Call poll_tasks for other work.`,
      );
    }
    if (task.status !== 'in_progress' || task.assigned_agent_id !== caller.agentId) {
      throw new TeamError(
        `Task ${task.task_id} is not leased to you (${caller.agentId}); only the agent that polled it may submit. Call poll_tasks to get a task.`,
      );
    }
    const token = task.lease_token!;
    const outcome =
      input.status === 'completed'
        ? ({ completed: true } as const)
        : ({ completed: false, error: input.error ?? 'failed' } as const);
    if (!(await queues.finish(task.agent_type, task.task_id, token, outcome))) {
      await this.returnToPending(task.task_id, token);
      throw new TeamError(
        `Your lease on ${task.task_id} expired (no heartbeat within the lease time), so it went back to pending for another agent; your result was not stored. Call heartbeat while you work.`,
      );
    }
    const finished = await store.update(task.task_id, (t) =>
      t.lease_token === token
        ? {
            ...t,
            status: input.status,
            result: input.result ?? null,
            error: input.status === 'failed' ? (input.error ?? 'failed') : null,
          }
        : undefined,
    );
    if (!finished)
      throw new TeamError(
        `Task ${task.task_id} changed while you submitted; it is no longer leased to you. Call poll_tasks for other work.`,
      );
    const seconds = (Date.now() - (task.started_at ?? Date.now())) / 1000;
    metrics.processing.observe({ agent_type: task.agent_type, outcome: input.status }, seconds);
    metrics.tasksFinished.inc({ agent_type: task.agent_type, outcome: input.status });
    log.event(input.status === 'completed' ? 'task-completed' : 'task-failed', {
      task_id: task.task_id,
      agent_id: caller.agentId,
    });
    await this.heartbeat(caller);
    await this.afterFinish(task.task_id);
    return finished;
  }

  /** BullMQ took the lease back (stalled job): the task is pending again for its type. */
  async returnToPending(taskId: string, expiredToken?: string): Promise<StoredTask | undefined> {
    const task = await this.parts.store.update(taskId, (t) =>
      t.status === 'in_progress' && (expiredToken === undefined || t.lease_token === expiredToken)
        ? {
            ...t,
            status: 'pending',
            assigned_agent_id: null,
            lease_token: undefined,
            started_at: undefined,
            queued_at: Date.now(),
          }
        : undefined,
    );
    if (task) {
      this.parts.metrics.leasesLost.inc({ agent_type: task.agent_type });
      this.parts.log.event('task-lease-lost', { task_id: taskId });
    }
    return task;
  }

  /** The stalled-job event: only when the job really waits again (not re-leased meanwhile). */
  async onLeaseLost(taskId: string): Promise<void> {
    const task = await this.parts.store.get(taskId);
    if (task?.status !== 'in_progress') return;
    const job = await this.parts.queues.job(task.agent_type, taskId);
    if (!job || !(await isQueuedAgain(job))) return;
    await this.returnToPending(taskId, task.lease_token);
  }
}
