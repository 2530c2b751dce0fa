/** `mlo mcp`: the standalone stdio MCP server (the same one as dist/mcp-server.js). */
import { startStdioServer } from '../mcp/start-stdio-server';
import type { CliIo } from './cli-io';

export async function mcpCommand(io: CliIo): Promise<'serving'> {
  await startStdioServer(io.env as NodeJS.ProcessEnv);
  return 'serving';
}
