/**
 * Acceptance 5 of issue 5: dist/mcp-server.js started the way the editor starts it (the launch of
 * server-launch.ts, plus the socket and a one-time token added at resolve time) forwards calls
 * to a bridge served by the test (the "extension host"); a wrong token is refused; the server
 * process's environment carries no API key even when the editor's own environment has one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  CreateMessageRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { startBridgeServer, type BridgeServer } from '../../src/bridge/bridge-server';
import { buildServerLaunch } from '../../src/extension/mcp/server-launch';
import { BRIDGE_SOCKET_ENV, BRIDGE_TOKEN_ENV } from '../../src/bridge/bridge-frames';
import { buildOnce, ROOT } from './support/build-once';
import { FakeCouncil } from './support/fake-council';
import { baseEnvironment, spawnClient } from './support/spawn-client';

/** What VS Code does with a definition's env: overwrite, and remove the null entries. */
function editorEnvironment(extra: Record<string, string>): Record<string, string> {
  const launch = buildServerLaunch(ROOT, extra);
  const env: Record<string, string> = {
    ...baseEnvironment(),
    // The user's shell exported keys; the bridge-mode server must not inherit them.
    OPENAI_API_KEY: 'sk-user-shell-key',
    ANTHROPIC_API_KEY: 'sk-ant-user-shell-key',
  };
  for (const [name, value] of Object.entries(launch.env)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe('dist/mcp-server.js in bridge mode (a test extension host)', function () {
  this.timeout(60_000);
  let council: FakeCouncil;
  let bridge: BridgeServer;

  before(() => buildOnce());
  beforeEach(async () => {
    council = new FakeCouncil();
    bridge = await startBridgeServer({ council });
  });
  afterEach(async () => bridge.close());

  it('with the right token, the call runs in the host and the result comes back', async () => {
    const env = editorEnvironment({
      [BRIDGE_SOCKET_ENV]: bridge.socketPath,
      [BRIDGE_TOKEN_ENV]: bridge.mintOneTimeToken(),
    });
    const spawned = await spawnClient(env);
    try {
      const result = (await spawned.client.callTool({
        name: 'run_consensus_task',
        arguments: { task: 'Run in the host' },
      })) as CallToolResult;
      assert.notEqual(result.isError, true, textOf(result));
      assert.equal(
        (result.structuredContent as { product: string }).product,
        'Council answer: Run in the host',
      );
      assert.deepEqual(
        council.calls.filter((c) => c.startsWith('startConsensus')),
        ['startConsensus:mcp'],
      );
      assert.equal(bridge.connectionCount(), 1);
      const list = (await spawned.client.callTool({
        name: 'list_participants',
        arguments: {},
      })) as CallToolResult;
      assert.equal((list.structuredContent as { mode: string }).mode, 'bridge');

      if (process.platform === 'linux') {
        const pid = spawned.transport.pid;
        assert.ok(pid);
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        const keys = environ.filter((entry) => /_API_KEY=/.test(entry));
        assert.deepEqual(keys, [], 'no API key in the server process environment');
        assert.ok(environ.includes('ELECTRON_RUN_AS_NODE=1'));
      }
      assert.deepEqual(spawned.errors, []);
    } finally {
      await spawned.close();
    }
  });

  it("the editor's council can seat the MCP client's own model: sampling is relayed through the server", async () => {
    const env = editorEnvironment({
      [BRIDGE_SOCKET_ENV]: bridge.socketPath,
      [BRIDGE_TOKEN_ENV]: bridge.mintOneTimeToken(),
    });
    const spawned = await spawnClient(
      env,
      (client) =>
        client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
          role: 'assistant',
          model: 'agent-model',
          content: { type: 'text', text: `agent saw: ${request.params.systemPrompt}` },
        })),
      { sampling: {} },
    );
    try {
      const model = bridge.createSamplingModel('any');
      let answer: string | undefined;
      for (let i = 0; i < 50 && answer === undefined; i++) {
        answer = await model
          .generate({
            system: 'You are the reviewer.',
            messages: [{ role: 'user', content: 'x' }],
            signal: new AbortController().signal,
          })
          .then((r) => `${r.modelId}: ${r.text}`)
          .catch(async () => {
            await new Promise((resolve) => setTimeout(resolve, 50)); // until the server announced sampling
            return undefined;
          });
      }
      assert.equal(answer, 'agent-model: agent saw: You are the reviewer.');
    } finally {
      await spawned.close();
    }
  });

  it('get_iteration_log on a 10 MB transcript pages normally and the next call works', async () => {
    const env = editorEnvironment({
      [BRIDGE_SOCKET_ENV]: bridge.socketPath,
      [BRIDGE_TOKEN_ENV]: bridge.mintOneTimeToken(),
    });
    council.hold = true;
    const { runId } = await council.startConsensus({
      input: { task: 'A large selection', outputKind: 'text' },
      origin: 'mcp',
    });
    council.fillTranscript(runId, 500, 20_000); // 10 M characters, ~15 MB of UTF-8
    const spawned = await spawnClient(env);
    try {
      let offset: number | undefined = 0;
      let pages = 0;
      let records = 0;
      while (offset !== undefined && pages < 200) {
        const page = (await spawned.client.callTool({
          name: 'get_iteration_log',
          arguments: { taskId: runId, format: 'json', offset },
        })) as CallToolResult;
        assert.notEqual(page.isError, true, textOf(page));
        const content = page.structuredContent as { count: number; nextOffset?: number };
        records += content.count;
        offset = content.nextOffset;
        pages += 1;
      }
      assert.equal(records, 503, spawned.stderr());
      assert.ok(pages > 50, `${pages} pages`);
      const list = (await spawned.client.callTool({
        name: 'list_participants',
        arguments: {},
      })) as CallToolResult;
      assert.notEqual(list.isError, true, textOf(list));
      assert.equal((list.structuredContent as { mode: string }).mode, 'bridge');
      assert.equal(bridge.connectionCount(), 1);
    } finally {
      await spawned.close();
    }
  });

  it('with a wrong token the host refuses the connection and the tools say why', async () => {
    const spawned = await spawnClient(
      editorEnvironment({
        [BRIDGE_SOCKET_ENV]: bridge.socketPath,
        [BRIDGE_TOKEN_ENV]: 'not-the-token',
      }),
    );
    try {
      const result = (await spawned.client.callTool({
        name: 'run_consensus_task',
        arguments: { task: 'Should not run' },
      })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match(textOf(result), /authentication failed/);
      assert.match(textOf(result), /Restart the server/);
      assert.deepEqual(council.calls, []);
      assert.equal(bridge.connectionCount(), 0);
    } finally {
      await spawned.close();
    }
  });
});
