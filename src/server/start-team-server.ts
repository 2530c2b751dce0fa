/**
 * `mlo serve`: connect to Redis, build the team parts, listen, and shut down gracefully on
 * SIGTERM / SIGINT (stop accepting, let requests in flight finish, close BullMQ and Redis).
 */
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
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
import { teamConfigFromEnvironment, type TeamConfig } from './team-config';
import { createTeamHttpServer } from './team-http-server';
import { stderrTeamLog, type TeamLog } from './team-log';
import { TeamMetrics } from './team-metrics';
import type { TeamParts } from './team-tool-context';

export interface ServeOptions {
  host: string;
  port: number;
  allowedOrigins: string[];
  /** Extra names a request's Host header may carry (besides the local names and --host). */
  allowedHosts?: string[];
}

export interface RunningTeamServer {
  url: string;
  stop(): Promise<void>;
}

/** What the instance owns besides its HTTP server: closed in this order on stop. */
interface TeamBackground {
  runner: CouncilRunner;
  councilQueue: Queue<CouncilJobData>;
  queues: TaskQueues;
}

/** The team parts on one Redis connection: task board, agents, councils, metrics. */
async function buildTeamParts(
  redis: Redis,
  config: TeamConfig,
  env: Record<string, string | undefined>,
  instance: string,
  log: TeamLog,
): Promise<{ parts: TeamParts; background: TeamBackground }> {
  const agents = new AgentRegistry(redis, config.prefix, config.leaseMs);
  const metrics = new TeamMetrics(agents);
  const store = new TaskStore(redis, config.prefix);
  const holder: { board?: TaskBoard } = {};
  const queues = new TaskQueues(redis, config.prefix, config.agentTypes, config.leaseMs, (id) => {
    void holder.board?.onLeaseLost(id).catch(() => {});
  });
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
  const parts: TeamParts = {
    board,
    agents,
    state: new SharedState(redis, config.prefix),
    metrics,
    log,
    agentTypes: config.agentTypes,
    leaseMs: config.leaseMs,
    councils: { store, councils, queue: councilQueue, metrics },
  };
  return { parts, background: { runner, councilQueue, queues } };
}

async function listen(http: Server, options: ServeOptions): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/mcp`;
}

/** Stops accepting, gives requests in flight a moment, then closes BullMQ and Redis; once. */
function stopper(http: Server, background: TeamBackground, redis: Redis, log: TeamLog) {
  let stopping: Promise<void> | undefined;
  return (): Promise<void> =>
    (stopping ??= (async () => {
      log.event('server-stopping');
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const deadline = setTimeout(() => http.closeAllConnections(), 5000);
      await closed;
      clearTimeout(deadline);
      await background.runner.close();
      await background.councilQueue.close();
      await background.queues.close();
      await redis.quit().catch(() => {});
      log.event('server-stopped');
    })());
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
  const { parts, background } = await buildTeamParts(redis, config, env, instance, log);
  const http = createTeamHttpServer({
    parts,
    keys: new AgentKeys(redis, config.prefix),
    allowedOrigins: options.allowedOrigins,
    bindHost: options.host,
    allowedHosts: options.allowedHosts ?? [],
    metricsToken: config.metricsToken,
    health: async () => ({
      ok: await redis.ping().then(
        () => true,
        () => false,
      ),
      instance,
    }),
  });
  const url = await listen(http, options);
  log.event('server-listening', { url, prefix: config.prefix, lease_ms: config.leaseMs });
  return { url, stop: stopper(http, background, redis, log) };
}
