/**
 * The CouncilService the council tools see on the team server: starting a run queues it in
 * BullMQ (any instance runs it, see council-runner.ts); status, results, events and cancel go
 * through Redis, so every instance answers for every run. Runs are team tasks (agent_type
 * consensus / consensus_vote), so get_task_status, get_result and cancel_task work on them too.
 */
import type { Queue } from 'bullmq';
import type { RunEventListener } from '../core/run-events';
import type {
  CouncilService,
  RunResult,
  StartConsensusRequest,
  StartVoteRequest,
  TaskStatus,
} from '../shared/council-service';
import type { Caller } from './agent-keys';
import { councilTaskType, type CouncilJobData } from './council-job';
import type { CouncilStore } from './council-store';
import { FINISHED_STATUSES, type StoredTask } from './task-record';
import type { TaskStore } from './task-store';
import { TeamError } from './team-error';
import type { TeamMetrics } from './team-metrics';

const POLL_MS = 300;

const unsupported = (what: string) => async (): Promise<never> => {
  throw new TeamError(
    `${what} is not offered on the team server; use the stdio server (mlo mcp) for it.`,
  );
};

export interface RedisCouncilParts {
  store: TaskStore;
  councils: CouncilStore;
  queue: Queue<CouncilJobData>;
  metrics: TeamMetrics;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** A council run is a team task first (so get_task_status sees it), then a BullMQ job. */
async function queueCouncilRun(
  parts: RedisCouncilParts,
  caller: Caller,
  job: Omit<CouncilJobData, 'task_id'>,
  description: string,
): Promise<{ runId: string }> {
  const now = new Date();
  const task: StoredTask = {
    task_id: await parts.store.nextId(now),
    agent_type: councilTaskType(job.kind),
    status: 'pending',
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    assigned_agent_id: null,
    task_description: description,
    context: { participants: job.request.participants ?? null },
    dependencies: [],
    result: null,
    error: null,
    created_by: caller.agentId,
    queued_at: Date.now(),
  };
  await parts.store.insert(task);
  await parts.queue.add('council', { ...job, task_id: task.task_id } as CouncilJobData, {
    jobId: task.task_id,
  });
  parts.metrics.tasksCreated.inc({ agent_type: task.agent_type });
  return { runId: task.task_id };
}

/** The task's state with the latest status the running instance mirrored to Redis. */
async function councilStatus(
  parts: RedisCouncilParts,
  runId: string,
): Promise<TaskStatus | undefined> {
  const task = await parts.store.get(runId);
  if (!task) return undefined;
  const status = await parts.councils.status(runId);
  const state = task.status;
  return {
    taskId: runId,
    protocol: task.agent_type === 'consensus_vote' ? 'vote' : 'consensus',
    progress: state === 'completed' ? 1 : 0,
    message: task.error ?? (state === 'pending' ? 'Waiting for an instance to run it.' : ''),
    startedAt: Date.parse(task.created_at),
    ...status,
    state,
    updatedAt: Date.parse(task.updated_at),
  };
}

/** Replays the events in Redis to `listener` as they arrive, until the run finished. */
function followCouncilEvents(
  parts: RedisCouncilParts,
  runId: string,
  listener: RunEventListener,
): () => void {
  let seen = 0;
  let stopped = false;
  const follow = async () => {
    while (!stopped) {
      const events = await parts.councils.events(runId, seen).catch(() => []);
      seen += events.length;
      for (const event of events) listener(event);
      const task = await parts.store.get(runId).catch(() => undefined);
      if (task && FINISHED_STATUSES.includes(task.status) && events.length === 0) return;
      await pause();
    }
  };
  void follow();
  return () => {
    stopped = true;
  };
}

export function createRedisCouncilService(
  parts: RedisCouncilParts,
  caller: Caller,
): CouncilService {
  const { store, councils } = parts;

  async function finishedOutcome(runId: string): Promise<RunResult | undefined> {
    const outcome = await councils.outcome(runId);
    if (!outcome) return undefined;
    if (outcome.result) return outcome.result;
    throw new TeamError(outcome.error ?? `Run ${runId} failed.`);
  }

  return {
    startConsensus: (request: StartConsensusRequest) =>
      queueCouncilRun(parts, caller, { kind: 'consensus', request }, request.input.task),
    startVote: (request: StartVoteRequest) =>
      queueCouncilRun(parts, caller, { kind: 'vote', request }, request.input.question),
    getStatus: (runId) => councilStatus(parts, runId),
    async waitForResult(runId, signal) {
      for (;;) {
        signal?.throwIfAborted();
        const result = await finishedOutcome(runId);
        if (result) return result;
        await pause();
      }
    },
    async getResult(runId) {
      return (await councils.outcome(runId))?.result;
    },
    async cancel(runId) {
      const task = await store.get(runId);
      if (!task || FINISHED_STATUSES.includes(task.status)) return false;
      await councils.requestCancel(runId);
      return true;
    },
    subscribe: (runId, listener) => followCouncilEvents(parts, runId, listener),
    readTranscript: (runId) => councils.events(runId),
    readTranscriptPage: unsupported('get_iteration_log'),
    finishEarly: unsupported('cancel_task with keepBest'),
    listParticipants: unsupported('list_participants'),
    findParticipantsForTask: unsupported('find_participants_for_task'),
    estimate: unsupported('estimate'),
    runIteration: unsupported('run_iteration'),
    watchAllRuns: () => () => {},
    listRuns: async () => [],
  };
}
