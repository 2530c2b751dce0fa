/**
 * BullMQ underneath the task board: one queue per agent type. Agents do not run a BullMQ
 * processor; the server fetches jobs for them by hand (`getNextJob`), so a job's lock is the
 * agent's lease: heartbeats extend it, and BullMQ's stalled-job check puts a job whose lock
 * expired back in the queue, where the next poll of that type gets it.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

export interface TaskJobData {
  task_id: string;
}

export class TaskQueues {
  private readonly queues = new Map<string, Queue<TaskJobData>>();
  private readonly workers = new Map<string, Worker<TaskJobData>>();

  constructor(
    connection: Redis,
    prefix: string,
    agentTypes: string[],
    private readonly leaseMs: number,
    onLeaseLost: (taskId: string) => void,
  ) {
    for (const type of agentTypes) {
      const options = { connection, prefix: `${prefix}:bull` };
      this.queues.set(type, new Queue<TaskJobData>(`tasks-${type}`, options));
      const worker = new Worker<TaskJobData>(`tasks-${type}`, null, {
        ...options,
        autorun: false,
        lockDuration: leaseMs,
        stalledInterval: Math.max(250, Math.floor(leaseMs / 2)),
        // A task whose agent vanished goes back to pending however often that happens.
        maxStalledCount: 1_000_000,
      });
      worker.on('stalled', (jobId) => onLeaseLost(jobId));
      worker.on('error', () => {});
      this.workers.set(type, worker);
    }
  }

  async start(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.startStalledCheckTimer()));
  }

  private queue(type: string): Queue<TaskJobData> {
    const queue = this.queues.get(type);
    if (!queue) throw new Error(`Unknown agent type "${type}".`);
    return queue;
  }

  /** Idempotent: the job id is the task id, so releasing a task twice queues it once. */
  async release(type: string, taskId: string): Promise<void> {
    await this.queue(type).add('task', { task_id: taskId }, { jobId: taskId });
  }

  /** The next available task of the type, leased under `token`, or undefined. */
  async lease(type: string, token: string): Promise<Job<TaskJobData> | undefined> {
    const worker = this.workers.get(type);
    if (!worker) throw new Error(`Unknown agent type "${type}".`);
    return (await worker.getNextJob(token, { block: false })) ?? undefined;
  }

  /** Undefined also for a type without a queue here (council runs have their own). */
  async job(type: string, taskId: string): Promise<Job<TaskJobData> | undefined> {
    return (await this.queues.get(type)?.getJob(taskId)) ?? undefined;
  }

  /** False when the lease is gone (expired and taken back, or never held). */
  async extend(type: string, taskId: string, token: string): Promise<boolean> {
    const job = await this.job(type, taskId);
    if (!job) return false;
    try {
      return (await job.extendLock(token, this.leaseMs)) === 1;
    } catch {
      return false;
    }
  }

  async finish(
    type: string,
    taskId: string,
    token: string,
    outcome: { completed: true } | { completed: false; error: string },
  ): Promise<boolean> {
    const job = await this.job(type, taskId);
    if (!job) return false;
    try {
      if (outcome.completed) await job.moveToCompleted({ ok: true }, token, false);
      else await job.moveToFailed(new Error(outcome.error), token, false);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes a waiting job (a cancelled task); a leased one is left to its lease. */
  async withdraw(type: string, taskId: string): Promise<void> {
    const job = await this.job(type, taskId);
    if (job && (await job.getState()) !== 'active') await job.remove().catch(() => {});
  }

  async waitingCount(type: string): Promise<number> {
    return this.queue(type).getWaitingCount();
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.close(true)));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
