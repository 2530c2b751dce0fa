/** An SDK Client over stdio against the built dist/mcp-server.js, with its stderr collected. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { SERVER_PATH } from './build-once';

export interface SpawnedClient {
  client: Client;
  transport: StdioClientTransport;
  stderr: () => string;
  /** Transport errors (e.g. a stdout line that is not JSON-RPC). */
  errors: Error[];
  close: () => Promise<void>;
}

/** A clean environment: nothing of the test runner's own keys or bridge variables leaks in. */
export function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * The SDK client's report of progress it handled after its request's response: it dispatches a
 * notification a microtask later than a response that arrived in the same chunk (typescript-sdk
 * issue #2580), so a server's last progress can race its own response. Not a transport error;
 * that the server never writes progress after a response is checked on the raw stdout
 * (test/mcp/stdio-standalone.test.ts).
 */
const LATE_PROGRESS = /^Received a progress notification for an unknown token: /;

export async function spawnClient(
  env: Record<string, string>,
  setup: (client: Client) => void = () => {},
  capabilities: ClientCapabilities = {},
): Promise<SpawnedClient> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_PATH],
    env,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const errors: Error[] = [];
  const client = new Client({ name: 'mcp-test', version: '1.0.0' }, { capabilities });
  setup(client);
  client.onerror = (error) => {
    if (!LATE_PROGRESS.test(error.message)) errors.push(error);
  };
  await client.connect(transport);
  return {
    client,
    transport,
    stderr: () => stderr,
    errors,
    close: () => client.close(),
  };
}
