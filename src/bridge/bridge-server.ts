/**
 * The extension-host end of the MCP bridge: a per-window local socket (a unix socket in a
 * private 0700 temp folder, or a named pipe on Windows) that serves this window's
 * CouncilService to the MCP server processes the editor starts. Nothing is served before the
 * peer proves it holds a token we minted (bridge-tokens.ts), and only a few connections may
 * wait for that proof at once (the oldest waiter is closed to make room). No 'vscode' import: the extension layer wires it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModel } from '../core/language-model';
import type { CouncilService } from '../shared/council-service';
import { BridgeConnection } from './bridge-connection';
import { BridgeTokens } from './bridge-tokens';
import type { FrameWriterLimits } from './frame-writer';
import { SamplingRelay } from './sampling-relay';

export interface BridgeServerOptions {
  council: CouncilService;
  /** The relay the council's `sampling` participants use; a fresh one when absent. */
  relay?: SamplingRelay;
  /** Defaults to a fresh path in the OS temp folder. */
  socketPath?: string;
  log?: (message: string) => void;
  hostVersion?: string;
  /** How long a minted one-time token stays valid if never used; default 10 minutes. */
  tokenLifetimeMs?: number;
  /** How long a peer has to send its hello; default 5 seconds. */
  helloTimeoutMs?: number;
  /** Connections that have not sent a valid hello yet; past it the oldest is closed. Default 8. */
  maxUnauthenticated?: number;
  /** Connections in all; more are closed at once. Default 64. */
  maxConnections?: number;
  writerLimits?: FrameWriterLimits;
}

export interface BridgeServer {
  readonly socketPath: string;
  /** A token for exactly one connection (VS Code's resolveMcpServerDefinition mints one per launch). */
  mintOneTimeToken(): string;
  /** A token valid for the window's lifetime, for the 0600 discovery file (Cursor's static config). */
  readonly windowToken: string;
  /** Connections currently authenticated. */
  connectionCount(): number;
  /**
   * A `sampling` participant for this window's council: its calls go to the MCP client of the
   * most recent connected server whose client declared sampling (VS Code: "Configure Model Access").
   */
  createSamplingModel(modelHint: string): LanguageModel;
  close(): Promise<void>;
}

function defaultSocketPath(): { path: string; cleanup: () => void } {
  const name = `mlo-bridge-${process.pid}-${randomBytes(6).toString('hex')}`;
  if (process.platform === 'win32') return { path: `\\\\.\\pipe\\${name}`, cleanup: () => {} };
  // mkdtemp creates the folder 0700, so no other user can even reach the socket inside it.
  const folder = mkdtempSync(join(tmpdir(), 'mlo-'));
  return {
    path: join(folder, `${name.slice(0, 40)}.sock`),
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.log ?? (() => {});
  const relay = options.relay ?? new SamplingRelay();
  const chosen = options.socketPath
    ? { path: options.socketPath, cleanup: () => {} }
    : defaultSocketPath();
  const tokens = new BridgeTokens(options.tokenLifetimeMs ?? 10 * 60_000);
  const maxUnauthenticated = options.maxUnauthenticated ?? 8;
  const maxConnections = options.maxConnections ?? 64;
  const sockets = new Set<Socket>();
  let authenticated = 0;

  /** Connections still waiting for their hello, oldest first. */
  const waiting = new Set<Socket>();

  const server: Server = createServer((socket) => {
    if (sockets.size >= maxConnections) {
      log('MCP bridge: too many connections; a new one was closed');
      socket.destroy();
      return;
    }
    if (waiting.size >= maxUnauthenticated) {
      // The oldest waiter goes: idle peers cannot keep a real server (which says hello at
      // once) from getting in.
      const oldest = waiting.values().next().value;
      log('MCP bridge: too many connections waiting for their hello; the oldest was closed');
      oldest?.destroy();
      if (oldest) waiting.delete(oldest);
    }
    sockets.add(socket);
    waiting.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      waiting.delete(socket);
    });
    new BridgeConnection({
      socket,
      council: options.council,
      tokens,
      relay,
      log,
      hostVersion: options.hostVersion ?? '0',
      helloTimeoutMs: options.helloTimeoutMs ?? 5_000,
      ...(options.writerLimits ? { writerLimits: options.writerLimits } : {}),
      onAuthenticated: () => {
        waiting.delete(socket);
        authenticated += 1;
      },
      onLost: () => (authenticated -= 1),
    });
  });

  await listen(server, chosen.path);
  if (process.platform !== 'win32') chmodSync(chosen.path, 0o600);
  log(`MCP bridge listening on ${chosen.path}`);

  return {
    socketPath: chosen.path,
    windowToken: tokens.windowToken,
    mintOneTimeToken: () => tokens.mintOneTime(),
    connectionCount: () => authenticated,
    createSamplingModel: (modelHint) => relay.createModel(modelHint),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      chosen.cleanup();
    },
  };
}
