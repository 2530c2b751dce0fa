/**
 * `mlo agents` and `mlo serve` in Japanese (MLO_LANG / LANG, src/cli/cli-language.ts) on a real
 * Redis: what a person reads is translated; the key on stdout, `agents list --json`, the JSON log
 * lines and the tool results that programs and models read are not.
 */
import assert from 'node:assert/strict';
import { buildCliOnce, runCliProcess } from '../cli/support/cli-process';
import { freePort, startRedis, type RedisProcess } from './support/redis-process';
import { callOk, connect, issueKey, startTeamServer, teamEnvironment } from './support/team-server';

describe('team server commands in Japanese', function () {
  this.timeout(60_000);
  let redis: RedisProcess;
  let ja: Record<string, string>;

  before(async () => {
    buildCliOnce();
    redis = await startRedis();
    ja = teamEnvironment(redis.url, { MLO_LANG: 'ja' });
  });

  after(async () => {
    await redis?.stop();
  });

  it('issues, lists and revokes keys with Japanese messages, the key and --json unchanged', async () => {
    const added = await runCliProcess(['agents', 'add', '--type', 'planning', '--id', 'ja-1'], ja);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^mlo_[A-Za-z0-9_-]{43}\n$/);
    assert.match(added.stderr, /^planning「ja-1」のキー（表示はこの 1 回だけです。/m);
    assert.match(added.stderr, /取り消すには: mlo agents revoke ja-1$/m);

    const listed = await runCliProcess(['agents', 'list'], ja);
    assert.match(listed.stdout, /^ja-1\tplanning\t作成 \d{4}-/m);
    const json = await runCliProcess(['agents', 'list', '--json'], ja);
    const records = JSON.parse(json.stdout) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(records[0]!).sort(), ['agent_id', 'created_at', 'role']);

    const badType = await runCliProcess(['agents', 'add', '--type', 'chef'], ja);
    assert.equal(badType.code, 2);
    assert.match(
      badType.stderr,
      /^mlo: --type は orchestrator, planning, .* のいずれかにしてください。$/m,
    );
    assert.match(badType.stderr, /^参照: mlo agents --help$/m);

    const revoked = await runCliProcess(['agents', 'revoke', 'ja-1'], ja);
    assert.equal(
      revoked.stdout,
      '「ja-1」のキーを取り消しました。次のリクエストから 401 になります。\n',
    );
    const again = await runCliProcess(['agents', 'revoke', 'ja-1'], ja);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^mlo: 「ja-1」に有効なキーはありません/);
  });

  it('says in Japanese when Redis is not reachable or REDIS_URL is wrong', async () => {
    const port = await freePort();
    const down = await runCliProcess(
      ['agents', 'list'],
      teamEnvironment(`redis://127.0.0.1:${port}`, { MLO_LANG: 'ja' }),
    );
    assert.equal(down.code, 1);
    assert.match(down.stderr, /REDIS_URL の Redis に接続できません/);
    const wrong = await runCliProcess(
      ['serve', '--port', '0'],
      teamEnvironment('http://127.0.0.1:1', { MLO_LANG: '', LANG: 'ja_JP.UTF-8' }),
    );
    assert.match(
      wrong.stderr,
      /REDIS_URL は redis:\/\/ または rediss:\/\/（TLS）で始めてください。/,
    );
  });

  it('serves with a Japanese listening line, English JSON logs and English tool results', async () => {
    const env = teamEnvironment(redis.url, { MLO_LANG: '', LANG: 'ja_JP.UTF-8' });
    const key = await issueKey(env, 'orchestrator', 'ja-lead');
    const server = await startTeamServer(env);
    try {
      await server.cli.waitForStderr(/待ち受け中/);
      assert.match(server.cli.stderr(), /^mlo serve: 待ち受け中 http:\/\/127\.0\.0\.1:\d+\/mcp$/m);
      assert.ok(server.logs().some((l) => l.event === 'server-listening'));
      const client = await connect(server.url, key);
      const created = await callOk<{ message: string }>(client, 'create_task', {
        agent_type: 'planning',
        task_description: 'plan',
      });
      assert.match(created.message, /^Created task-\d{8}-\d{3} for a planning agent\./);
      await client.close();
    } finally {
      await server.stop();
    }
  });
});
