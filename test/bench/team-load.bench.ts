/**
 * The team server's load drill (issue 16, acceptance 8): one real `mlo serve` on a throw-away
 * Redis, 50 agents polling over Streamable HTTP, 500 tasks in chains of 5 (each depending on the
 * one before). Checks none is lost or done twice; prints tasks/s and the p95 queue wait from the
 * server's own histogram. Runnable alone: npx tsx test/bench/team-load.bench.ts (after a build);
 * MLO_BENCH_TEAM_AGENTS / MLO_BENCH_TEAM_CHAINS shrink it for a quick look.
 */
import { Redis } from 'ioredis';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { AgentKeys } from '../../src/server/agent-keys';
import { DEFAULT_AGENT_TYPES } from '../../src/server/team-config';
import { startRedis } from '../server/support/redis-process';
import {
  call,
  callOk,
  connect,
  startTeamServer,
  teamEnvironment,
  textOf,
} from '../server/support/team-server';
import type { BenchModule } from './bench-module';

const AGENTS = Number(process.env.MLO_BENCH_TEAM_AGENTS ?? 50);
const CHAINS = Number(process.env.MLO_BENCH_TEAM_CHAINS ?? 100);
const CHAIN_LENGTH = 5;

/**
 * The 95th percentile of the server's queue-wait histogram, interpolated linearly inside its
 * bucket as Prometheus' histogram_quantile does (the buckets alone say only "at most 5 s").
 */
function p95FromHistogram(metrics: string): number {
  const buckets = metrics
    .split('\n')
    .filter((l) => l.startsWith('mlo_task_queue_wait_seconds_bucket'))
    .map((l) => {
      const le = /le="([^"]+)"/.exec(l)![1]!;
      return { le: le === '+Inf' ? Infinity : Number(le), count: Number(l.split(' ').pop()) };
    })
    .sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  const rank = total * 0.95;
  const index = buckets.findIndex((b) => b.count >= rank);
  if (index < 0 || total === 0) return NaN;
  const upper = buckets[index]!;
  const lower = index > 0 ? buckets[index - 1]! : { le: 0, count: 0 };
  if (!Number.isFinite(upper.le)) return lower.le;
  const inBucket = upper.count - lower.count;
  return lower.le + (upper.le - lower.le) * (inBucket > 0 ? (rank - lower.count) / inBucket : 1);
}

export const teamLoadBench: BenchModule = {
  name: 'team server load drill',
  async run() {
    const redis = await startRedis();
    const env = teamEnvironment(redis.url, { MLO_LEASE_SECONDS: '30' });
    const direct = new Redis(redis.url);
    const keys = new AgentKeys(direct, 'test');
    const server = await startTeamServer(env);
    const clients: Client[] = [];
    try {
      const orchestrator = await connect(server.url, await keys.add('orch', 'orchestrator'));
      clients.push(orchestrator);
      const agents: { id: string; client: Client }[] = [];
      for (let i = 0; i < AGENTS; i++) {
        const type = DEFAULT_AGENT_TYPES[i % DEFAULT_AGENT_TYPES.length]!;
        const id = `${type}-agent-${i}`;
        const client = await connect(server.url, await keys.add(id, type));
        clients.push(client);
        agents.push({ id, client });
      }
      const done = new Map<string, number>();
      const total = CHAINS * CHAIN_LENGTH;
      const started = performance.now();
      let stop = false;
      let leasesLost = 0;
      let dropped = 0;
      /** A real agent retries a call whose connection dropped (undici: "fetch failed"). */
      const retried = async <T>(send: () => Promise<T>): Promise<T> => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await send();
          } catch (error) {
            if (attempt >= 5 || !(error instanceof TypeError)) throw error;
            dropped++;
          }
        }
      };
      const workers = agents.map(async ({ id, client }) => {
        while (!stop) {
          const { tasks } = await retried(() =>
            callOk<{ tasks: { task_id: string }[] }>(client, 'poll_tasks', { agent_id: id }),
          );
          if (tasks.length === 0) {
            // An idle agent waits a little (with jitter, so 50 agents do not poll in step).
            await new Promise((r) => setTimeout(r, 150 + Math.random() * 100));
            continue;
          }
          for (const task of tasks) {
            let attempts = 0;
            const submitted = await retried(() => {
              attempts++;
              return call(client, 'submit_result', {
                task_id: task.task_id,
                status: 'completed',
                result: { by: id },
              });
            });
            // A retry after a dropped connection finds the first attempt stored.
            const landedBefore = attempts > 1 && /is already completed/.test(textOf(submitted));
            // On a starved machine a lease can run out before the submit lands: the server then
            // refuses the result and offers the task again, as it would to a real agent.
            if (submitted.isError && !landedBefore) {
              if (!/lease on .* expired/.test(textOf(submitted)))
                throw new Error(textOf(submitted));
              leasesLost++;
              continue;
            }
            done.set(task.task_id, (done.get(task.task_id) ?? 0) + 1);
          }
          if (done.size >= total) stop = true;
        }
      });
      const creators = Array.from({ length: CHAINS }, async (_, chain) => {
        let previous: string | undefined;
        for (let step = 0; step < CHAIN_LENGTH; step++) {
          const { task } = await callOk<{ task: { task_id: string } }>(
            orchestrator,
            'create_task',
            {
              agent_type: DEFAULT_AGENT_TYPES[(chain + step) % DEFAULT_AGENT_TYPES.length],
              task_description: `chain ${chain} step ${step}`,
              ...(previous ? { dependencies: [previous] } : {}),
            },
          );
          previous = task.task_id;
        }
      });
      await Promise.all(creators);
      // Whatever happens, the drill ends: a lost task shows as such instead of hanging the bench.
      const deadline = setTimeout(() => (stop = true), 120_000);
      await Promise.all(workers);
      clearTimeout(deadline);
      const seconds = (performance.now() - started) / 1000;
      const duplicated = [...done.values()].filter((n) => n > 1).length;
      const lost = total - done.size;
      const metrics = await (await fetch(server.url.replace(/\/mcp$/, '/metrics'))).text();
      const p95 = p95FromHistogram(metrics);
      return {
        rows: [
          {
            name: `${AGENTS} agents, ${total} tasks in chains of ${CHAIN_LENGTH}`,
            values: {
              'tasks/s': (total / seconds).toFixed(1),
              'p95 queue wait (s)': p95.toFixed(2),
              lost,
              duplicated,
              'leases expired': leasesLost,
              'calls retried': dropped,
            },
          },
        ],
        fields: {
          teamTasksPerSecond: Number((total / seconds).toFixed(1)),
          teamP95QueueWaitSeconds: Number(p95.toFixed(2)),
          teamTasksLost: lost,
          teamTasksDuplicated: duplicated,
        },
      };
    } finally {
      for (const client of clients) await client.close().catch(() => {});
      await server.stop();
      direct.disconnect();
      await redis.stop();
    }
  },
};

if (process.argv[1]?.endsWith('team-load.bench.ts')) {
  teamLoadBench.run().then(
    (outcome) => {
      console.log(JSON.stringify(outcome, null, 2));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
