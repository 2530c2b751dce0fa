/**
 * Acceptance 1, 2 (tasks), 3 (leases), 5 and 6: the seed's flow on real `mlo serve` processes,
 * a real Redis and the MCP SDK client over Streamable HTTP.
 */
import assert from 'node:assert/strict';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { buildCliOnce } from '../cli/support/cli-process';
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

interface Task {
  task_id: string;
  status: string;
  assigned_agent_id: string | null;
  error: string | null;
  result: Record<string, unknown> | null;
}
const LEASE_SECONDS = 2;

describe('team server: tasks, agents and shared state', function () {
  this.timeout(90_000);
  let redis: RedisProcess;
  let env: Record<string, string>;
  let first: TeamServerProcess;
  let second: TeamServerProcess;
  const clients: Client[] = [];
  let orchestrator: Client;
  let planner: Client;
  let planner2: Client;
  let implementer: Client;
  let tester: Client;

  const create = (client: Client, args: Record<string, unknown>) =>
    callOk<{ task: Task }>(client, 'create_task', args).then((r) => r.task);
  const poll = (client: Client, agentId: string) =>
    callOk<{ tasks: Task[] }>(client, 'poll_tasks', { agent_id: agentId }).then((r) => r.tasks);
  const status = (client: Client, taskId: string) =>
    callOk<{ task: Task }>(client, 'get_task_status', { task_id: taskId }).then((r) => r.task);
  const open = async (url: string, key: string) => {
    const client = await connect(url, key);
    clients.push(client);
    return client;
  };

  before(async () => {
    buildCliOnce();
    redis = await startRedis();
    env = teamEnvironment(redis.url, { MLO_LEASE_SECONDS: String(LEASE_SECONDS) });
    const keys = {
      orch: await issueKey(env, 'orchestrator', 'orch-1'),
      planning: await issueKey(env, 'planning', 'planning-agent-001'),
      planning2: await issueKey(env, 'planning', 'planning-agent-002'),
      implementation: await issueKey(env, 'implementation', 'implementation-agent-001'),
      testing: await issueKey(env, 'testing', 'testing-agent-001'),
    };
    first = await startTeamServer(env);
    second = await startTeamServer(env);
    orchestrator = await open(first.url, keys.orch);
    planner = await open(first.url, keys.planning);
    // These agents reach the team through the other instance.
    planner2 = await open(second.url, keys.planning2);
    implementer = await open(second.url, keys.implementation);
    tester = await open(second.url, keys.testing);
  });

  after(async () => {
    for (const client of clients) await client.close().catch(() => {});
    await first?.stop();
    await second?.stop();
    await redis?.stop();
  });

  it('runs the seed flow: create, poll, submit with subtasks, completed result; a dependent waits for its dependency', async () => {
    const plan = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan user authentication (register / login / JWT) for FastAPI.',
      context: { project_path: '/path/to/project', existing_files: ['app/main.py'] },
    });
    assert.match(plan.task_id, /^task-\d{8}-\d{3,}$/);
    assert.equal(plan.status, 'pending');
    const model = await create(orchestrator, {
      agent_type: 'implementation',
      task_description: 'Create the User model.',
      dependencies: [plan.task_id],
    });
    assert.deepEqual(
      await poll(implementer, 'implementation-agent-001'),
      [],
      'not offered before its dependency completed',
    );
    const dependentText = textOf(
      await call(orchestrator, 'get_task_status', { task_id: model.task_id }),
    );
    assert.match(dependentText, /waits for its dependencies/);

    const [leased] = await poll(planner, 'planning-agent-001');
    assert.equal(leased?.task_id, plan.task_id);
    const running = await status(orchestrator, plan.task_id);
    assert.equal(running.status, 'in_progress');
    assert.equal(running.assigned_agent_id, 'planning-agent-001');

    const subtasks = [
      { id: 'task-001-1', description: 'User model', agent_type: 'implementation' },
      { id: 'task-001-2', description: 'Auth endpoints', agent_type: 'implementation' },
    ];
    await callOk(planner, 'submit_result', {
      task_id: plan.task_id,
      status: 'completed',
      result: { subtasks },
    });
    assert.equal((await status(orchestrator, plan.task_id)).status, 'completed');
    const result = await call(orchestrator, 'get_result', { task_id: plan.task_id });
    assert.deepEqual((result.structuredContent as { result: unknown }).result, { subtasks });
    assert.match(textOf(result), /create_task/);

    const [offered] = await poll(implementer, 'implementation-agent-001');
    assert.equal(offered?.task_id, model.task_id, 'offered once the dependency completed');
  });

  it('fails the dependents of a failed task, with the reason', async () => {
    const plan = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan payments.',
    });
    const tests = await create(orchestrator, {
      agent_type: 'testing',
      task_description: 'Test payments.',
      dependencies: [plan.task_id],
    });
    const [leased] = await poll(planner, 'planning-agent-001');
    assert.equal(leased?.task_id, plan.task_id);
    await callOk(planner, 'submit_result', {
      task_id: plan.task_id,
      status: 'failed',
      error: 'no payment provider chosen',
    });
    const failed = await status(orchestrator, tests.task_id);
    assert.equal(failed.status, 'failed');
    assert.match(
      failed.error ?? '',
      new RegExp(`Dependency ${plan.task_id} failed: no payment provider chosen`),
    );
    assert.deepEqual(await poll(tester, 'testing-agent-001'), []);
    const late = await create(orchestrator, {
      agent_type: 'testing',
      task_description: 'Later.',
      dependencies: [plan.task_id],
    });
    assert.equal(
      (await status(orchestrator, late.task_id)).status,
      'failed',
      'a task created after its dependency failed fails at once',
    );
  });

  it('accepts a result only from the lease holder, and only for its own agent id', async () => {
    const task = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan search.',
    });
    assert.equal((await poll(planner, 'planning-agent-001'))[0]?.task_id, task.task_id);
    const stolen = await call(planner2, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: {},
    });
    assert.equal(stolen.isError, true);
    assert.match(textOf(stolen), /not leased to you/);
    const impostor = await call(planner2, 'poll_tasks', { agent_id: 'planning-agent-001' });
    assert.equal(impostor.isError, true);
    assert.match(textOf(impostor), /belongs to agent "planning-agent-002"/);
    await callOk(planner, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: { ok: true },
    });
  });

  it('gives the task of an agent that stopped heartbeating to another agent of its type, and refuses the late result', async () => {
    const task = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan caching.',
    });
    assert.equal((await poll(planner, 'planning-agent-001'))[0]?.task_id, task.task_id);
    // planning-agent-001 goes silent; planning-agent-002 keeps polling through the other instance.
    let taken: Task | undefined;
    for (let attempt = 0; attempt < 60 && !taken; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      taken = (await poll(planner2, 'planning-agent-002'))[0];
    }
    assert.equal(taken?.task_id, task.task_id);
    assert.equal(
      (await status(orchestrator, task.task_id)).assigned_agent_id,
      'planning-agent-002',
    );
    const late = await call(planner, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: {},
    });
    assert.equal(late.isError, true);
    await callOk(planner2, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: { by: 2 },
    });
    assert.deepEqual((await status(orchestrator, task.task_id)).result, { by: 2 });
  });

  it('keeps a lease while the agent heartbeats', async () => {
    const task = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan logging.',
    });
    assert.equal((await poll(planner, 'planning-agent-001'))[0]?.task_id, task.task_id);
    for (let beat = 0; beat < 6; beat++) {
      await new Promise((r) => setTimeout(r, 500));
      const hb = await callOk<{ current_task_ids: string[] }>(planner, 'heartbeat', {
        agent_id: 'planning-agent-001',
      });
      assert.deepEqual(hb.current_task_ids, [task.task_id]);
      assert.deepEqual(await poll(planner2, 'planning-agent-002'), []);
    }
    const agents = await callOk<{
      agents: { agent_id: string; status: string; current_task_id: string | null }[];
    }>(orchestrator, 'list_agents', { filter: 'active' });
    assert.deepEqual(
      agents.agents.map((a) => [a.agent_id, a.current_task_id]),
      [['planning-agent-001', task.task_id]],
    );
    await callOk(planner, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: {},
    });
    const idle = await callOk<{ agents: { agent_id: string }[] }>(orchestrator, 'list_agents', {
      filter: 'idle',
    });
    assert.ok(idle.agents.some((a) => a.agent_id === 'planning-agent-001'));
  });

  it('cancels a pending task and fails what depended on it', async () => {
    const plan = await create(orchestrator, {
      agent_type: 'planning',
      task_description: 'Plan export.',
    });
    const docs = await create(orchestrator, {
      agent_type: 'documentation',
      task_description: 'Document export.',
      dependencies: [plan.task_id],
    });
    await callOk(orchestrator, 'cancel_task', { task_id: plan.task_id });
    assert.equal((await status(orchestrator, plan.task_id)).status, 'cancelled');
    assert.equal((await status(orchestrator, docs.task_id)).status, 'failed');
    assert.deepEqual(await poll(planner, 'planning-agent-001'), []);
    const again = await call(orchestrator, 'cancel_task', { task_id: plan.task_id });
    assert.match(textOf(again), /already cancelled/);
  });

  it('expires shared state after its ttl and keeps it across a server restart', async () => {
    await callOk(planner, 'set_shared_state', { key: 'scratch', value: { n: 1 }, ttl: 1 });
    assert.equal(
      (await callOk<{ found: boolean }>(planner2, 'get_shared_state', { key: 'scratch' })).found,
      true,
    );
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(
      (await callOk<{ found: boolean }>(planner2, 'get_shared_state', { key: 'scratch' })).found,
      false,
    );

    const set = await callOk<{ ttl_seconds: number }>(planner, 'set_shared_state', {
      key: 'plan/auth',
      value: { steps: 3 },
    });
    assert.equal(set.ttl_seconds, 3600, 'default ttl');
    await first.stop();
    first = await startTeamServer(env);
    const key = await issueKey(env, 'documentation', 'documentation-agent-001');
    const reader = await open(first.url, key);
    const read = await callOk<{ found: boolean; value: unknown }>(reader, 'get_shared_state', {
      key: 'plan/auth',
    });
    assert.deepEqual(read.value, { steps: 3 });
  });

  it('moves the /metrics counters as tasks are created, leased and finished', async () => {
    const metricsUrl = second.url.replace(/\/mcp$/, '/metrics');
    const sample = async (name: string) => {
      const text = await (await fetch(metricsUrl)).text();
      return text
        .split('\n')
        .filter((line) => line.startsWith(name))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    };
    const before = {
      created: await sample('mlo_tasks_created_total'),
      finished: await sample('mlo_tasks_finished_total'),
      waits: await sample('mlo_task_queue_wait_seconds_count'),
      calls: await sample('mlo_tool_calls_total'),
    };
    const other = await connect(second.url, undefined).catch(() => undefined);
    assert.equal(other, undefined, 'metrics are read without a key, MCP is not');
    const orchestrator2 = await open(second.url, await issueKey(env, 'orchestrator', 'orch-2'));
    const task = await create(orchestrator2, {
      agent_type: 'testing',
      task_description: 'Test metrics.',
    });
    assert.equal((await poll(tester, 'testing-agent-001'))[0]?.task_id, task.task_id);
    await callOk(tester, 'submit_result', {
      task_id: task.task_id,
      status: 'completed',
      result: {},
    });
    assert.equal(await sample('mlo_tasks_created_total'), before.created + 1);
    assert.equal(await sample('mlo_tasks_finished_total'), before.finished + 1);
    assert.equal(await sample('mlo_task_queue_wait_seconds_count'), before.waits + 1);
    assert.ok((await sample('mlo_tool_calls_total')) >= before.calls + 3);
    const text = await (await fetch(metricsUrl)).text();
    assert.match(text, /mlo_agents\{agent_type="testing",status="idle"\} 1/);
  });

  it('logs task and agent lifecycle events as JSON lines', () => {
    const events = new Set(second.logs().map((l) => l.event));
    for (const event of [
      'server-listening',
      'task-created',
      'task-leased',
      'task-completed',
      'agent-registered',
      'tool-call',
    ]) {
      assert.ok(
        events.has(event) || first.logs().some((l) => l.event === event),
        `logged ${event}`,
      );
    }
  });
});
