/** `mlo mcp` is the standalone stdio MCP server: it answers initialize and lists the tools. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { buildCliOnce, cleanEnvironment, CLI_PATH } from './support/cli-process';

describe('mlo mcp', function () {
  this.timeout(60_000);
  before(() => buildCliOnce());

  it('speaks MCP on stdout (initialize, tools/list) and ends when stdin closes', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'mcp'], {
      env: cleanEnvironment({ OPENAI_API_KEY: 'sk-a', ANTHROPIC_API_KEY: 'sk-b' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const responses: Record<string, unknown>[] = [];
    const waiting = new Map<number, (message: Record<string, unknown>) => void>();
    lines.on('line', (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      responses.push(message);
      const id = message.id as number | undefined;
      if (id !== undefined) waiting.get(id)?.(message);
    });
    const request = (id: number, method: string, params: Record<string, unknown>) =>
      new Promise<Record<string, unknown>>((resolve) => {
        waiting.set(id, resolve);
        child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
      });
    const init = await request(1, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'cli-test', version: '0' },
    });
    assert.ok((init.result as { serverInfo?: unknown }).serverInfo);
    child.stdin.write(
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n',
    );
    const tools = await request(2, 'tools/list', {});
    const names = (tools.result as { tools: { name: string }[] }).tools.map((tool) => tool.name);
    assert.ok(names.includes('run_consensus_task'));
    assert.ok(names.includes('consensus_vote'));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    assert.equal(await exited, 0);
    assert.ok(
      responses.every((message) => message.jsonrpc === '2.0'),
      'stdout holds only JSON-RPC',
    );
  });
});
