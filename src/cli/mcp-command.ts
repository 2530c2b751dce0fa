/** `mlo mcp`: the standalone stdio MCP server (the same one as dist/mcp-server.js). */
import type { CliIo } from './cli-io';

export async function mcpCommand(io: CliIo): Promise<'serving'> {
  // Loaded only here: the MCP SDK and the tools cost every other command's start-up.
  const { startStdioServer } = await import('../mcp/start-stdio-server');
  await startStdioServer(io.env as NodeJS.ProcessEnv);
  return 'serving';
}
