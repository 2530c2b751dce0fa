/**
 * Acceptance 2 (council part) and 3 (kill -9): council runs as team tasks on two real `mlo serve`
 * instances sharing one Redis, the vendors being the fake vendor server (real SDK wire formats).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Redis } from 'ioredis';
import { buildCliOnce } from '../cli/support/cli-process';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { DRILL_PARTICIPANTS } from '../drills/support/standalone-environment';
import { startRedis, type RedisProcess } from './support/redis-process';
import {
  call,
  callOk,
  connect,
  issueKey,
  startTeamServer,
  teamEnvironment,
  textOf,
  type TeamServerProcess,
} from './support/team-server';

interface Status {
  task: { task_id: string; status: string; assigned_agent_id: string | null; error: string | null };
  council?: { phase?: string; progress: number };
}
const TASK = 'Write a one-line docstring for a function that adds two numbers.';

describe('team server: councils as tasks on two instances', function () {
  this.timeout(120_000);
  let redis: RedisProcess;
  let vendor: FakeVendorServer;
  let dataDir: string;
  let env: Record<string, string>;
  let servers: TeamServerProcess[] = [];
  let clients: Client[] = [];
  let key: string;

  const statusOf = (client: Client, id: string) =>
    callOk<Status>(client, 'get_task_status', { task_id: id });
  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`gave up waiting for ${what}`);
  }
  const pidOf = (instance: string | null) => Number(instance?.split('-').pop());
  /**
   * Holds gpt-sim's first review after one chunk, starts a council on instance `starter` and
   * waits, watching from instance `watcher`, until the run is in its review phase.
   */
  async function startHeldInReview(starter: number, watcher: number) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    vendor.script({
      model: 'gpt-sim',
      schemaName: 'review',
      nth: 1,
      reply: { chunkDelayMs: 10, holdAfterFirstChunk: held },
    });
    const started = await callOk<{ taskId: string }>(clients[starter]!, 'start_consensus_task', {
      task: TASK,
    });
    const running = await until('the review phase', async () => {
      const status = await statusOf(clients[watcher]!, started.taskId);
      return status.council?.phase === 'review' ? status : undefined;
    });
    return { release, started, running };
  }

  before(async () => {
    buildCliOnce();
    redis = await startRedis();
    vendor = await startFakeVendorServer();
    dataDir = mkdtempSync(join(tmpdir(), 'mlo-team-'));
    env = teamEnvironment(redis.url, {
      MLO_LEASE_SECONDS: '2',
      MLO_COUNCIL_LOCK_SECONDS: '6',
      OPENAI_API_KEY: 'sk-test-openai',
      OPENAI_BASE_URL: vendor.baseUrls.openai,
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_BASE_URL: vendor.baseUrls.anthropic,
      GEMINI_API_KEY: 'gemini-test',
      GEMINI_BASE_URL: vendor.baseUrls.google,
      MLO_PARTICIPANTS: DRILL_PARTICIPANTS,
      MLO_DATA_DIR: dataDir,
    });
    key = await issueKey(env, 'orchestrator', 'orch-1');
    servers = [await startTeamServer(env), await startTeamServer(env)];
    clients = [await connect(servers[0]!.url, key), await connect(servers[1]!.url, key)];
  });

  afterEach(() => vendor.reset());
  after(async () => {
    for (const client of clients) await client.close().catch(() => {});
    for (const server of servers) await server.stop().catch(() => {});
    await vendor?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('offers the council tools to an orchestrator key', async () => {
    const names = (await clients[0]!.listTools()).tools.map((t) => t.name);
    for (const name of [
      'start_consensus_task',
      'run_consensus_task',
      'consensus_vote',
      'get_task_result',
    ]) {
      assert.ok(names.includes(name), name);
    }
  });

  it('runs a council started on one instance to the end and serves its result on the other, with a JSONL archive', async () => {
    const started = await callOk<{ taskId: string }>(clients[0]!, 'start_consensus_task', {
      task: TASK,
    });
    const out = await until('the result', async () => {
      const result = await call(clients[1]!, 'get_task_result', {
        taskId: started.taskId,
        waitSeconds: 20,
      });
      assert.equal(result.isError, undefined, textOf(result));
      const content = result.structuredContent as {
        finished: boolean;
        consensus?: { product: string };
      };
      return content.finished ? content : undefined;
    });
    assert.equal(out.finished, true);
    assert.ok(out.consensus?.product.length);
    const status = await statusOf(clients[1]!, started.taskId);
    assert.equal(status.task.status, 'completed');
    const finishedText = textOf(
      await call(clients[0]!, 'get_task_status', { task_id: started.taskId }),
    );
    assert.match(finishedText, /get_task_result/);
    // A finished council is in no phase any more: it says the round it ended after.
    assert.equal(status.council?.phase, undefined);
    assert.match(finishedText, / Council: ended after round \d+\./);
    assert.doesNotMatch(finishedText, /phase starting|progress 100%/);
    const archived = readdirSync(dataDir).filter((f) => f.endsWith('.jsonl'));
    assert.ok(archived.length >= 1);
    assert.ok(
      archived.some((f) => readFileSync(join(dataDir, f), 'utf8').includes('"run-finished"')),
    );
  });

  it('answers a consensus vote through either instance', async () => {
    const vote = await callOk<{ reached: boolean }>(clients[1]!, 'consensus_vote', {
      question: 'Is 7 a prime number? Answer yes or no.',
    });
    assert.equal(typeof vote.reached, 'boolean');
  });

  it('shows the progress of a run started on one instance from the other, and cancels it from there', async () => {
    const { release, started, running } = await startHeldInReview(0, 1);
    assert.equal(running.task.status, 'in_progress', JSON.stringify(running));
    assert.ok(running.council!.progress > 0);
    await callOk(clients[1]!, 'cancel_task', { task_id: started.taskId });
    const cancelled = await until('the cancel', async () => {
      const result = await call(clients[0]!, 'get_task_result', { taskId: started.taskId });
      const out = result.structuredContent as
        { finished?: boolean; status?: { state: string } } | undefined;
      return out?.finished ? out : undefined;
    });
    assert.equal(cancelled.status?.state, 'cancelled');
    assert.equal((await statusOf(clients[0]!, started.taskId)).task.status, 'cancelled');
    release();
  });

  it('marks a run interrupted, with its finished calls kept, when the instance running it is killed (-9)', async () => {
    const { release, started, running } = await startHeldInReview(0, 0);
    const victim = servers.findIndex(
      (s) => s.cli.child.pid === pidOf(running.task.assigned_agent_id),
    );
    assert.ok(
      victim >= 0,
      `the run is on one of our instances (${running.task.assigned_agent_id})`,
    );
    const survivor = 1 - victim;
    await servers[victim]!.kill();
    const failed = await until('the interrupted mark', async () => {
      const status = await statusOf(clients[survivor]!, started.taskId);
      return status.task.status === 'failed' ? status : undefined;
    });
    release();
    const direct = new Redis(redis.url);
    const events = (await direct.lrange(`test:council:${started.taskId}:events`, 0, -1)).map(
      (l) => JSON.parse(l) as { type: string },
    );
    direct.disconnect();
    const finishedCalls = events.filter((e) => e.type === 'call-finished').length;
    assert.ok(
      finishedCalls >= 3,
      `the three drafts finished before the kill (${finishedCalls}): ${JSON.stringify(failed)} ${events.length}`,
    );
    assert.match(
      failed.task.error ?? '',
      new RegExp(`Interrupted: .* ${finishedCalls} finished model call\\(s\\) are kept`),
    );
    // Where it stopped, in the past tense: not as if the run were still in its review.
    const text = textOf(
      await call(clients[survivor]!, 'get_task_status', { task_id: started.taskId }),
    );
    assert.match(text, / Council: stopped in phase review, round \d+\./);
    assert.doesNotMatch(text, /progress \d+%/);
  });
});
