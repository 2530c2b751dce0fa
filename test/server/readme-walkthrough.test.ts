/**
 * README.md "Team server": the walk-through's shell blocks (marked `<!-- checked: … -->`), run
 * command by command in one bash against a real Redis and the built CLI, with only the ports
 * swapped to free ones, the data folder to a temporary one, and the task id a user reads off
 * `create_task`'s answer pasted where the README writes `task-YYYYMMDD-001`. What a user would
 * see is asserted: the keys, the agent list without them, the listening line, the task created,
 * leased, completed and its result, the metrics. README.ja.md's block must be the same commands.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCliOnce, cleanEnvironment } from '../cli/support/cli-process';
import { freePort, startRedis, type RedisProcess } from './support/redis-process';
import {
  checkedBlocks,
  shellCommands,
  startShell,
  withoutComment,
  type Shell,
  type ShellStep,
} from './support/readme-shell';

const BY = 'test/server/readme-walkthrough.test.ts';
const PLACEHOLDER = 'task-YYYYMMDD-001';

/** The JSON-RPC result in a one-event server-sent stream, as `curl` prints it. */
function rpcResult(step: ShellStep): {
  isError?: boolean;
  structuredContent: Record<string, unknown>;
} {
  assert.equal(step.status, 0);
  const data = /^data: (.+)$/m.exec(step.stdout);
  assert.ok(data, `no data: line in ${JSON.stringify(step.stdout)}`);
  const message = JSON.parse(data[1]!) as {
    result?: { isError?: boolean; structuredContent: Record<string, unknown> };
  };
  assert.ok(message.result, `not a result: ${data[1]}`);
  assert.notEqual(message.result.isError, true, data[1]);
  return message.result;
}

describe('README.md Team server walk-through, as a user types it', function () {
  this.timeout(60_000);
  let redis: RedisProcess;
  let shell: Shell | undefined;
  let dataDir: string;
  const [setup, curls] = checkedBlocks('README.md', BY);

  before(async () => {
    buildCliOnce();
    redis = await startRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'mlo-readme-'));
  });

  after(async () => {
    await shell?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks exactly the two blocks in README.md and the same commands in README.ja.md', () => {
    assert.equal(checkedBlocks('README.md', BY).length, 2);
    const ja = checkedBlocks('README.ja.md', BY);
    assert.equal(ja.length, 1);
    assert.deepEqual(
      shellCommands(ja[0]!).map(withoutComment),
      shellCommands(setup!).map(withoutComment),
    );
  });

  it('prints the keys once, lists agents without them, serves, and runs a task through curl', async () => {
    const commands = shellCommands(setup!);
    // Redis is the test's own (installed, on a free port); the README's two lines for it must be there.
    const skipped = commands.filter((c) =>
      /^(sudo apt-get install -y redis-server|redis-server --port \d+ )/.test(c),
    );
    assert.equal(skipped.length, 2, commands.join('\n'));
    const readmeRedisPort = skipped
      .map((c) => /^redis-server --port (\d+) /.exec(c)?.[1])
      .find(Boolean)!;
    const readmeServerPort = /^node dist\/cli\.js serve --port (\d+) &/m.exec(
      commands.join('\n'),
    )?.[1];
    assert.ok(
      readmeServerPort,
      `no "node dist/cli.js serve --port N &" in:\n${commands.join('\n')}`,
    );
    const serverPort = await freePort();
    const port = (n: string) => new RegExp(`\\b${n}\\b`, 'g');
    const swap = (command: string) =>
      command
        .replace(port(readmeRedisPort), String(redis.port))
        .replace(port(readmeServerPort), String(serverPort));
    const env = cleanEnvironment({
      MLO_DATA_DIR: dataDir,
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    });
    shell = startShell(env);
    const seen = new Map<string, ShellStep>();
    for (const command of commands.filter((c) => !skipped.includes(c))) {
      seen.set(command, await shell.run(swap(command)));
    }
    const step = (pattern: RegExp) => {
      const found = [...seen].find(([command]) => pattern.test(command));
      assert.ok(found, `no README command matches ${String(pattern)}`);
      return found[1];
    };

    for (const add of [
      step(/^LEAD=\$\(.*agents add --type orchestrator --id lead\)/),
      step(/^PLANNER=/),
    ]) {
      assert.deepEqual(add, { stdout: '', status: 0 });
    }
    assert.match(
      shell.stderr(),
      /^Key for orchestrator "lead" \(shown once; only its hash is stored\):$/m,
    );
    assert.match(shell.stderr(), /^Key for planning "planning-agent-001" \(shown once/m);
    const lead = (await shell.run('echo $LEAD')).stdout.trim();
    const planner = (await shell.run('echo $PLANNER')).stdout.trim();
    assert.match(lead, /^mlo_[A-Za-z0-9_-]{43}$/);
    assert.match(planner, /^mlo_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(lead, planner);

    const list = step(/agents list/);
    assert.equal(list.status, 0);
    assert.match(list.stdout, /^lead\torchestrator\tcreated \d{4}-\d\d-\d\dT/m);
    assert.match(list.stdout, /^planning-agent-001\tplanning\tcreated /m);
    assert.ok(
      !list.stdout.includes(lead) && !list.stdout.includes(planner),
      'agents list shows a key',
    );

    const url = `http://127.0.0.1:${serverPort}/mcp`;
    await shell.waitForStderr(
      new RegExp(`^mlo serve: listening on ${url.replace(/\./g, '\\.')}$`, 'm'),
    );

    await walkTheCurlBlock(shell, swap, lead, planner);
  });

  async function walkTheCurlBlock(
    sh: Shell,
    swap: (command: string) => string,
    lead: string,
    planner: string,
  ): Promise<void> {
    let taskId: string | undefined;
    const steps: [string, ShellStep][] = [];
    for (const command of shellCommands(curls!)) {
      if (command.includes(PLACEHOLDER))
        assert.ok(taskId, `${PLACEHOLDER} before create_task: ${command}`);
      const typed = swap(taskId ? command.replaceAll(PLACEHOLDER, taskId) : command);
      const result = await sh.run(typed);
      steps.push([command, result]);
      if (/ create_task /.test(command)) {
        const task = rpcResult(result).structuredContent.task as {
          task_id: string;
          status: string;
        };
        assert.match(task.task_id, /^task-\d{8}-001$/);
        assert.equal(task.status, 'pending');
        taskId = task.task_id;
      }
    }
    const step = (pattern: RegExp) => {
      const found = steps.find(([command]) => pattern.test(command));
      assert.ok(found, `no curl-block command matches ${String(pattern)}`);
      return found[1];
    };
    assert.deepEqual(step(/^mcp\(\) \{/), { stdout: '', status: 0 });

    const polled = rpcResult(step(/^mcp \$PLANNER poll_tasks /)).structuredContent.tasks as Record<
      string,
      unknown
    >[];
    assert.equal(polled.length, 1);
    assert.equal(polled[0]!.task_id, taskId);
    assert.equal(polled[0]!.status, 'in_progress');
    assert.equal(polled[0]!.assigned_agent_id, 'planning-agent-001');

    const submitted = rpcResult(step(/^mcp \$PLANNER submit_result /)).structuredContent
      .task as Record<string, unknown>;
    assert.equal(submitted.status, 'completed');

    const got = rpcResult(step(/^mcp \$LEAD get_result /)).structuredContent;
    assert.equal(got.task_id, taskId);
    assert.equal(got.status, 'completed');
    assert.equal(got.agent_id, 'planning-agent-001');
    assert.deepEqual(got.result, { subtasks: ['schema', 'login form'] });

    const metrics = step(/\/metrics \| grep/);
    assert.equal(metrics.status, 0);
    assert.match(metrics.stdout, /^mlo_tasks_created_total\{agent_type="planning"\} 1$/m);
    assert.match(
      metrics.stdout,
      /^mlo_tasks_finished_total\{agent_type="planning",outcome="completed"\} 1$/m,
    );

    const everything = steps.map(([, s]) => s.stdout).join('\n') + sh.stderr();
    assert.ok(
      !everything.includes(lead) && !everything.includes(planner),
      'a key was printed again',
    );
  }
});
