/**
 * Runs the council tasks of the team server on this instance: a BullMQ worker takes queued runs
 * (any instance may), runs each on the engine with the keys of this process's environment, and
 * mirrors every event, the status and the outcome to Redis as they happen; the JSONL transcript
 * is written under MLO_DATA_DIR as in standalone mode. A run whose instance died (its job comes
 * back after the lock expired) is marked interrupted with every finished call kept.
 */
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createStandaloneCouncil } from '../mcp/create-standalone-council';
import { isTranscriptEvent } from '../core/transcript-record';
import type { CouncilService } from '../shared/council-service';
import { COUNCIL_QUEUE, type CouncilJobData } from './council-job';
import type { CouncilStore } from './council-store';
import { FINISHED_STATUSES } from './task-record';
import type { TaskStore } from './task-store';
import type { TeamLog } from './team-log';
import type { TeamMetrics } from './team-metrics';

export interface CouncilRunnerParts {
  connection: Redis;
  prefix: string;
  leaseMs: number;
  instance: string;
  env: Record<string, string | undefined>;
  store: TaskStore;
  councils: CouncilStore;
  metrics: TeamMetrics;
  log: TeamLog;
}

export class CouncilRunner {
  private readonly worker: Worker<CouncilJobData>;
  private readonly subscriber: Redis;
  private readonly running = new Map<string, string>();
  private council?: CouncilService & { dispose(): void };

  constructor(private readonly parts: CouncilRunnerParts) {
    this.worker = new Worker<CouncilJobData>(COUNCIL_QUEUE, (job) => this.run(job), {
      connection: parts.connection,
      prefix: `${parts.prefix}:bull`,
      concurrency: 4,
      lockDuration: parts.leaseMs,
      stalledInterval: Math.max(250, Math.floor(parts.leaseMs / 2)),
      maxStalledCount: 1,
    });
    this.worker.on('error', () => {});
    this.subscriber = parts.connection.duplicate();
    this.subscriber.on('error', () => {});
    void this.subscriber.subscribe(parts.councils.cancelChannel);
    this.subscriber.on('message', (_channel, taskId: string) => {
      const runId = this.running.get(taskId);
      if (!runId) return;
      parts.log.event('council-cancelling', { task_id: taskId });
      void this.council?.cancel(runId);
    });
  }

  private localCouncil(): CouncilService {
    this.council ??= createStandaloneCouncil(this.parts.env as NodeJS.ProcessEnv, () => undefined);
    return this.council;
  }

  private async run(job: Job<CouncilJobData>): Promise<void> {
    const { store, councils, log, instance } = this.parts;
    const taskId = job.data.task_id;
    const task = await store.get(taskId);
    if (!task || FINISHED_STATUSES.includes(task.status)) return;
    if (task.status === 'in_progress') return this.markInterrupted(taskId, task.assigned_agent_id);
    const started = await store.update(taskId, (t) =>
      t.status === 'pending'
        ? { ...t, status: 'in_progress', assigned_agent_id: instance, started_at: Date.now() }
        : undefined,
    );
    if (!started) return;
    log.event('council-started', { task_id: taskId, kind: job.data.kind });
    const council = this.localCouncil();
    const { runId } =
      job.data.kind === 'vote'
        ? await council.startVote(job.data.request)
        : await council.startConsensus(job.data.request);
    this.running.set(taskId, runId);
    let chain = Promise.resolve();
    const unsubscribe = council.subscribe(runId, (event) => {
      if (!isTranscriptEvent(event)) return;
      // The status is taken now, as of this event (a live run's status is computed before the
      // first await), and written after the event: a status in Redis never runs ahead of the
      // events there, so whoever sees a phase also finds every call finished before it.
      const status = council.getStatus(runId);
      chain = chain
        .then(async () => {
          await councils.appendEvent(taskId, event);
          const snapshot = await status;
          if (snapshot) await councils.setStatus(taskId, snapshot);
        })
        .catch(() => {});
    });
    const outcome = await council.waitForResult(runId).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    );
    unsubscribe();
    await chain;
    this.running.delete(taskId);
    await this.finish(taskId, runId, outcome);
  }

  private async finish(
    taskId: string,
    runId: string,
    outcome: { result?: unknown; error?: string },
  ): Promise<void> {
    const { store, councils, metrics, log } = this.parts;
    const status = await this.localCouncil().getStatus(runId);
    if (status) await councils.setStatus(taskId, status);
    await councils.setOutcome(taskId, outcome as never);
    const state =
      status?.state === 'cancelled'
        ? 'cancelled'
        : outcome.result && status?.state !== 'failed'
          ? 'completed'
          : 'failed';
    const summary = outcome.result as { status?: string; reached?: boolean } | undefined;
    const finished = await store.update(taskId, (t) => ({
      ...t,
      status: state,
      result: summary
        ? {
            outcome: summary.status ?? (summary.reached ? 'agreed' : 'no agreement'),
            local_run_id: runId,
          }
        : null,
      error: state === 'completed' ? null : (outcome.error ?? status?.message ?? state),
    }));
    metrics.tasksFinished.inc({ agent_type: finished?.agent_type ?? 'consensus', outcome: state });
    log.event(`council-${state}`, { task_id: taskId });
  }

  /** The instance that ran it stopped mid-run: keep what it finished, say so, and stop there. */
  private async markInterrupted(taskId: string, previous: string | null): Promise<void> {
    const { store, councils, metrics, log } = this.parts;
    const events = await councils.events(taskId);
    const calls = events.filter((e) => e.type === 'call-finished').length;
    const error = `Interrupted: the instance running it (${previous ?? 'unknown'}) stopped mid-run. ${calls} finished model call(s) are kept in its transcript (get_task_result shows none; start a new run to finish the work).`;
    await councils.setOutcome(taskId, { error });
    await store.update(taskId, (t) => ({
      ...t,
      status: 'failed',
      error,
      result: { interrupted: true, finished_calls: calls },
    }));
    metrics.tasksFinished.inc({ agent_type: 'consensus', outcome: 'interrupted' });
    log.event('council-interrupted', { task_id: taskId, finished_calls: calls });
  }

  async close(): Promise<void> {
    for (const runId of this.running.values()) await this.council?.cancel(runId);
    await this.worker.close();
    await this.subscriber.quit().catch(() => {});
    this.council?.dispose();
  }
}
