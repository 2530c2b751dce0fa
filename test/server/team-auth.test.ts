/** Acceptance 4: keys, roles and Origin on a real `mlo serve` over Streamable HTTP. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { buildCliOnce, runCliProcess } from '../cli/support/cli-process';
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

describe('team server: keys and roles', function () {
  this.timeout(60_000);
  let redis: RedisProcess;
  let server: TeamServerProcess;
  let env: Record<string, string>;
  let orchestratorKey: string;
  let agentKey: string;

  before(async () => {
    buildCliOnce();
    redis = await startRedis();
    env = teamEnvironment(redis.url);
    orchestratorKey = await issueKey(env, 'orchestrator', 'orch-1');
    agentKey = await issueKey(env, 'planning', 'planning-agent-001');
    server = await startTeamServer(env);
  });

  after(async () => {
    await server?.stop();
    await redis?.stop();
  });

  const post = (headers: Record<string, string>) =>
    fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });

  it('lists every orchestrator tool for an orchestrator key and only the agent tools for an agent key', async () => {
    const orchestrator = await connect(server.url, orchestratorKey);
    const agent = await connect(server.url, agentKey);
    const names = async (c: typeof orchestrator) =>
      (await c.listTools()).tools.map((t) => t.name).sort();
    // An orchestrator key sees the seed's orchestration tools and every council tool.
    assert.deepEqual(await names(orchestrator), [
      'cancel_task',
      'consensus_vote',
      'create_task',
      'get_result',
      'get_shared_state',
      'get_task_result',
      'get_task_status',
      'list_agents',
      'run_consensus_task',
      'set_shared_state',
      'start_consensus_task',
    ]);
    assert.deepEqual(await names(agent), [
      'get_shared_state',
      'heartbeat',
      'poll_tasks',
      'set_shared_state',
      'submit_result',
    ]);
    for (const tool of (await orchestrator.listTools()).tools)
      assert.ok(tool.outputSchema, `${tool.name} has an output schema`);
    await orchestrator.close();
    await agent.close();
  });

  it('refuses create_task from an agent key with a message naming what the key may call', async () => {
    const agent = await connect(server.url, agentKey);
    const result = await call(agent, 'create_task', {
      agent_type: 'planning',
      task_description: 'x',
    });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /Refused: create_task is for orchestrator keys/);
    assert.match(textOf(result), /poll_tasks/);
    await agent.close();
  });

  it('answers 401 without a key, with a wrong key and with a revoked key', async () => {
    assert.equal((await post({})).status, 401);
    assert.equal((await post({ authorization: 'Bearer mlo_not-a-key' })).status, 401);
    const doomed = await issueKey(env, 'testing', 'testing-agent-9');
    assert.equal((await post({ authorization: `Bearer ${doomed}` })).status, 200);
    const revoked = await runCliProcess(['agents', 'revoke', 'testing-agent-9'], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    const after = await post({ authorization: `Bearer ${doomed}` });
    assert.equal(after.status, 401);
    assert.ok(after.headers.get('www-authenticate')?.startsWith('Bearer'));
    await assert.rejects(connect(server.url, doomed));
  });

  it('refuses a foreign Origin and serves a local one', async () => {
    const bad = await post({
      authorization: `Bearer ${orchestratorKey}`,
      origin: 'https://evil.example',
    });
    assert.equal(bad.status, 403);
    const local = await post({
      authorization: `Bearer ${orchestratorKey}`,
      origin: 'http://localhost:5173',
    });
    assert.equal(local.status, 200);
  });

  /** A raw request with a chosen Host header (fetch ignores a Host header). */
  const withHost = (
    path: string,
    host: string,
    headers: Record<string, string> = {},
    base = server.url,
  ) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(base);
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
      const req = request(
        {
          hostname: url.hostname,
          port: url.port,
          path,
          method: path === '/mcp' ? 'POST' : 'GET',
          headers: {
            host,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            ...headers,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(path === '/mcp' ? body : undefined);
    });

  it('refuses a request whose Host is not this machine (DNS rebinding), on every path', async () => {
    const auth = { authorization: `Bearer ${orchestratorKey}` };
    const port = new URL(server.url).port;
    // A page on evil.example rebound to 127.0.0.1 sends its own name as Host and, on a GET,
    // no Origin at all: only the Host check stands between it and /metrics.
    assert.equal(await withHost('/mcp', `evil.example:${port}`, auth), 403);
    assert.equal(await withHost('/metrics', `evil.example:${port}`), 403);
    assert.equal(await withHost('/health', 'evil.example'), 403);
    assert.equal(await withHost('/mcp', `localhost:${port}`, auth), 200);
    assert.equal(await withHost('/mcp', `[::1]:${port}`, auth), 200);
    assert.equal(await withHost('/metrics', `127.0.0.1:${port}`), 200);
    assert.ok(server.logs().some((l) => l.event === 'request-refused' && l.reason === 'host'));
  });

  it('serves a Host named with --allowed-host, and /metrics only with MLO_METRICS_TOKEN when set', async () => {
    const second = await startTeamServer({ ...env, MLO_METRICS_TOKEN: 'scrape-secret' }, [
      '--allowed-host',
      'team.example.com',
    ]);
    try {
      const metrics = second.url.replace(/\/mcp$/, '/metrics');
      assert.equal((await fetch(metrics)).status, 401);
      assert.equal(
        (await fetch(metrics, { headers: { authorization: 'Bearer wrong' } })).status,
        401,
      );
      const scraped = await fetch(metrics, { headers: { authorization: 'Bearer scrape-secret' } });
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /mlo_tool_calls_total/);
      const auth = { authorization: `Bearer ${orchestratorKey}` };
      assert.equal(await withHost('/mcp', 'team.example.com', auth, second.url), 200);
      assert.equal(await withHost('/mcp', 'other.example.com', auth, second.url), 403);
      assert.ok(!second.cli.stderr().includes('scrape-secret'));
    } finally {
      await second.stop();
    }
  });

  it('lists keys without revealing them and never logs a key', async () => {
    const listed = await runCliProcess(['agents', 'list', '--json'], env);
    const records = JSON.parse(listed.stdout) as {
      agent_id: string;
      role: string;
      revoked_at?: string;
    }[];
    assert.deepEqual(
      records.map((r) => [r.agent_id, r.role, Boolean(r.revoked_at)]),
      [
        ['orch-1', 'orchestrator', false],
        ['planning-agent-001', 'planning', false],
        ['testing-agent-9', 'testing', true],
      ],
    );
    for (const key of [orchestratorKey, agentKey]) {
      assert.ok(!listed.stdout.includes(key));
      assert.ok(!server.cli.stderr().includes(key));
    }
    assert.ok(server.logs().some((l) => l.event === 'request-refused' && l.reason === 'key'));
  });

  it('reports health without a key', async () => {
    const health = await fetch(server.url.replace(/\/mcp$/, '/health'));
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
  });

  it('stops gracefully on SIGTERM', async () => {
    const second = await startTeamServer(env);
    const client = await connect(second.url, orchestratorKey);
    await callOk(client, 'list_agents', {});
    await client.close();
    await second.stop();
    assert.equal(second.cli.child.exitCode, 0);
    assert.ok(second.logs().some((l) => l.event === 'server-stopped'));
  });
});
