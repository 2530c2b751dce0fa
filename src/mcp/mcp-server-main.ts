/** dist/mcp-server.js: launched by the editor (bridge mode) or any MCP client (standalone). */
import { startStdioServer } from './start-stdio-server';

startStdioServer().catch((error: unknown) => {
  process.stderr.write(
    `[mlo mcp] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
