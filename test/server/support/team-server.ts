/**
 * Real `mlo serve` processes (built dist/cli.js) on a real Redis, and MCP SDK clients over
 * Streamable HTTP with a Bearer key, the way Claude Code or Cursor connect.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  cleanEnvironment,
  runCliProcess,
  startCli,
  type CliChild,
} from '../../cli/support/cli-process';

export interface TeamServerProcess {
  url: string;
  cli: CliChild;
  /** Every JSON log line the server wrote so far. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function teamEnvironment(
  redisUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return cleanEnvironment({ REDIS_URL: redisUrl, MLO_REDIS_PREFIX: 'test', ...extra });
}

export async function startTeamServer(
  env: Record<string, string>,
  args: string[] = [],
): Promise<TeamServerProcess> {
  const cli = startCli(['serve', '--port', '0', ...args], env);
  // The JSON log line, not the human one (that one is in the user's language).
  const listening = /"event":"server-listening","url":"([^"]+)"/;
  await cli.waitForStderr(listening);
  const url = listening.exec(cli.stderr())![1]!;
  const ended = cli.done;
  return {
    url,
    cli,
    logs: () =>
      cli
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      cli.child.kill('SIGTERM');
      await ended;
    },
    kill: async () => {
      cli.child.kill('SIGKILL');
      await ended;
    },
  };
}

export async function issueKey(
  env: Record<string, string>,
  type: string,
  id: string,
): Promise<string> {
  const run = await runCliProcess(['agents', 'add', '--type', type, '--id', id], env);
  if (run.code !== 0) throw new Error(`mlo agents add failed: ${run.stderr}`);
  return run.stdout.trim();
}

export async function connect(
  url: string,
  key?: string,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client({ name: 'team-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } },
  });
  await client.connect(transport);
  return client;
}

export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The structured content of a successful call; fails with the text of an error result. */
export async function callOk<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const result = await call(client, name, args);
  if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
  return result.structuredContent as T;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}
