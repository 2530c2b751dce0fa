/**
 * `mlo serve`: connect to Redis, build the team parts, listen, and shut down gracefully on
 * SIGTERM / SIGINT (stop accepting, let requests in flight finish, close BullMQ and Redis).
 */
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { AgentKeys } from './agent-keys';
import { COUNCIL_QUEUE, isCouncilTaskType, type CouncilJobData } from './council-job';
import { CouncilRunner } from './council-runner';
import { CouncilStore } from './council-store';
import { AgentRegistry } from './agent-registry';
import { assertRedisReachable, createRedisClient } from './redis-client';
import { SharedState } from './shared-state';
import { TaskBoard } from './task-board';
import { TaskQueues } from './task-queues';
import { TaskStore } from './task-store';
import { teamConfigFromEnvironment } from './team-config';
import { createTeamHttpServer } from './team-http-server';
import { stderrTeamLog } from './team-log';
import { TeamMetrics } from './team-metrics';

export interface ServeOptions {
  host: string;
  port: number;
  allowedOrigins: string[];
}

export interface RunningTeamServer {
  url: string;
  stop(): Promise<void>;
}

export async function startTeamServer(
  env: Record<string, string | undefined>,
  options: ServeOptions,
): Promise<RunningTeamServer> {
  const config = teamConfigFromEnvironment(env);
  const instance = `${hostname()}-${process.pid}`;
  const log = stderrTeamLog(instance);
  const redis = createRedisClient(config.redisUrl);
  await assertRedisReachable(redis);
  const agents = new AgentRegistry(redis, config.prefix, config.leaseMs);
  const metrics = new TeamMetrics(agents);
  const store = new TaskStore(redis, config.prefix);
  const holder: { board?: TaskBoard } = {};
  const queues = new TaskQueues(
    redis,
    config.prefix,
    config.agentTypes,
    config.leaseMs,
    (taskId) => {
      void holder.board?.onLeaseLost(taskId).catch(() => {});
    },
  );
  const councils = new CouncilStore(redis, config.prefix);
  const councilQueue = new Queue<CouncilJobData>(COUNCIL_QUEUE, {
    connection: redis,
    prefix: `${config.prefix}:bull`,
  });
  const runner = new CouncilRunner({
    connection: redis,
    prefix: config.prefix,
    leaseMs: config.councilLockMs,
    instance,
    env,
    store,
    councils,
    metrics,
    log,
  });
  const board = new TaskBoard({
    store,
    queues,
    agents,
    metrics,
    log,
    agentTypes: config.agentTypes,
    onCancelled: async (task) => {
      if (isCouncilTaskType(task.agent_type)) await councils.requestCancel(task.task_id);
    },
  });
  holder.board = board;
  await queues.start();
  const parts = {
    board,
    agents,
    state: new SharedState(redis, config.prefix),
    metrics,
    log,
    agentTypes: config.agentTypes,
    leaseMs: config.leaseMs,
    councils: { store, councils, queue: councilQueue, metrics },
  };
  const http = createTeamHttpServer({
    parts,
    keys: new AgentKeys(redis, config.prefix),
    allowedOrigins: options.allowedOrigins,
    health: async () => ({
      ok: await redis.ping().then(
        () => true,
        () => false,
      ),
      instance,
    }),
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/mcp`;
  log.event('server-listening', { url, prefix: config.prefix, lease_ms: config.leaseMs });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      log.event('server-stopping');
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      // Requests in flight get a moment to finish; then the rest are cut.
      const deadline = setTimeout(() => http.closeAllConnections(), 5000);
      await closed;
      clearTimeout(deadline);
      await runner.close();
      await councilQueue.close();
      await queues.close();
      await redis.quit().catch(() => {});
      log.event('server-stopped');
    })());
  return { url, stop };
}
