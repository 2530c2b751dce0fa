/**
 * The standalone MCP server survives a stdin line over its limit: it answers a JSON-RPC error,
 * drops the line as it streams in, and the next request on the same connection works. Before,
 * the SDK's transport closed on the oversized buffer and the process exited, killing every
 * background run.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, SERVER_PATH } from './support/build-once';
import { initializeRequest } from './support/initialize-request';
import { baseEnvironment } from './support/spawn-client';

describe('dist/mcp-server.js: a stdin line over the limit', function () {
  this.timeout(60_000);
  before(() => buildOnce());

  it('answers an error and keeps serving the next request', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mlo-stdin-limit-'));
    const child = spawn(process.execPath, [SERVER_PATH], {
      env: { ...baseEnvironment(), MLO_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const replies: { id?: unknown; error?: { message: string }; result?: unknown }[] = [];
    let buffer = '';
    let exited = false;
    child.on('exit', () => (exited = true));
    const waiters: (() => void)[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        replies.push(JSON.parse(buffer.slice(0, newline)) as (typeof replies)[number]);
        buffer = buffer.slice(newline + 1);
        waiters.splice(0).forEach((wake) => wake());
      }
    });
    const until = async (test: () => boolean) => {
      while (!test()) {
        if (exited) throw new Error('the server exited');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    try {
      send(initializeRequest(1, 'limit-test'));
      await until(() => replies.some((reply) => reply.id === 1));
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      // 12 MiB in one line, in pieces as a pipe delivers them.
      const huge = `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"x","arguments":{"task":"${'a'.repeat(12 * 1024 * 1024)}"}}}\n`;
      for (let at = 0; at < huge.length; at += 1024 * 1024)
        child.stdin.write(huge.slice(at, at + 1024 * 1024));
      send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      await until(() => replies.some((reply) => reply.id === 3));
      const tooLarge = replies.find((reply) => reply.id === null);
      assert.match(tooLarge?.error?.message ?? '', /Request too large/);
      const tools = replies.find((reply) => reply.id === 3)?.result as { tools: unknown[] };
      assert.ok(tools.tools.length > 5, 'the next request was served');
      assert.equal(exited, false);
    } finally {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
