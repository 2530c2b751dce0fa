/**
 * Start the MCP server on stdio (the `mlo mcp` command and dist/mcp-server.js). Bridge mode when
 * the editor handed us a socket and token (or a discovery folder with a live window), else
 * standalone. stdout carries only protocol messages: console output is sent to stderr.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  BRIDGE_DISCOVERY_ENV,
  BRIDGE_SOCKET_ENV,
  BRIDGE_TOKEN_ENV,
} from '../bridge/bridge-frames';
import { connectBridgeCouncil } from '../bridge/bridge-client';
import { discoverBridge } from '../bridge/discover-bridge';
import type { CouncilService } from '../shared/council-service';
import { createServer } from './create-server';
import { createStandaloneCouncil } from './create-standalone-council';
import { SamplingLanguageModel } from './sampling-language-model';
import { unavailableCouncil } from './unavailable-council';

function log(message: string): void {
  process.stderr.write(`[mlo mcp] ${message}\n`);
}

/** A stray console.log anywhere in the bundle must never corrupt the protocol stream. */
export function guardStdout(): void {
  const toStderr = (...args: unknown[]): void => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
}

interface OpenedCouncil {
  council: CouncilService;
  mode: 'bridge' | 'standalone';
  dispose(): void;
  /** Called once the MCP client's capabilities are known. */
  onInitialized?(server: Server): void;
}

async function openCouncil(
  env: NodeJS.ProcessEnv,
  getServer: () => Server | undefined,
): Promise<OpenedCouncil> {
  let socketPath = env[BRIDGE_SOCKET_ENV];
  let token = env[BRIDGE_TOKEN_ENV];
  // The token is only for this handshake; keep it out of anything this process might spawn.
  delete env[BRIDGE_TOKEN_ENV];
  const discoveryDir = env[BRIDGE_DISCOVERY_ENV];
  if (!socketPath && discoveryDir) {
    const found = discoverBridge(discoveryDir);
    if (found) {
      socketPath = found.socketPath;
      token = found.token;
    } else {
      log('no open editor window found in the discovery folder; running standalone');
    }
  }
  if (socketPath) {
    try {
      const council = await connectBridgeCouncil({
        socketPath,
        token: token ?? '',
        // Cursor's windows come and go: after a lost connection, look for the live one again.
        ...(discoveryDir && !env[BRIDGE_SOCKET_ENV]
          ? { rediscover: () => discoverBridge(discoveryDir) }
          : {}),
        // The editor's council may seat this client's own model: relay its calls as sampling.
        onSample: async (request, signal) => {
          const model = new SamplingLanguageModel(getServer, request.modelHint);
          const response = await model.generate({ ...request, signal });
          return {
            text: response.text,
            model: response.modelId,
            stopReason: response.finishReason === 'length' ? 'maxTokens' : 'endTurn',
          };
        },
      });
      log('bridge mode: runs execute in the editor');
      void council.closed.then(() =>
        log('bridge closed: the editor window is gone and reconnecting failed; calls will fail'),
      );
      return {
        council,
        mode: 'bridge',
        dispose: () => council.close(),
        onInitialized: (server) =>
          council.setSamplingAvailable(server.getClientCapabilities()?.sampling !== undefined),
      };
    } catch (error) {
      const message = `Could not connect to the editor that started this server: ${(error as Error).message}`;
      log(message);
      return {
        council: unavailableCouncil(
          message,
          "Restart the server from the editor's MCP server list (the token is single-use), or run it standalone with API keys in its environment.",
        ),
        mode: 'bridge',
        dispose: () => {},
      };
    }
  }
  const council = createStandaloneCouncil(env, getServer);
  log('standalone mode: keys from environment variables');
  return { council, mode: 'standalone', dispose: () => council.dispose() };
}

export async function startStdioServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  guardStdout();
  const holder: { server?: Server } = {};
  const opened = await openCouncil(env, () => holder.server);
  const server = createServer(opened.council, { mode: opened.mode });
  holder.server = server.server;
  server.server.oninitialized = () => opened.onInitialized?.(server.server);
  const transport = new StdioServerTransport();
  let closing = false;
  const shutdown = (why: string): void => {
    // server.close() fires the transport's onclose again; shut down once.
    if (closing) return;
    closing = true;
    log(`shutting down (${why})`);
    opened.dispose();
    void server.close().finally(() => process.exit(0));
  };
  transport.onclose = () => shutdown('transport closed');
  process.stdin.on('end', () => shutdown('stdin ended'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // One stray rejection in a run must not take down the server and every other task with it.
  process.on('unhandledRejection', (reason) =>
    log(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    ),
  );
  await server.connect(transport);
}
