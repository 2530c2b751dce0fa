/**
 * Makes the bundled MCP server available to the editor's chat agent:
 * - VS Code: the `multiLlm.mcpServer` definition provider. The definition VS Code caches holds
 *   no token; a one-time token and the bridge socket are added at resolve time, just before
 *   VS Code launches the server with its own Node (ELECTRON_RUN_AS_NODE=1).
 * - Cursor: `vscode.cursor.mcp.registerServer` when present, with a static config that finds
 *   this window through the 0600 discovery file (no token in any config).
 * The bridge serves this window's council; runs started by MCP show in the panel like others.
 */
import * as vscode from 'vscode';
import type { CouncilService } from '../../shared/council-service';
import {
  BRIDGE_DISCOVERY_ENV,
  BRIDGE_SOCKET_ENV,
  BRIDGE_TOKEN_ENV,
} from '../../bridge/bridge-frames';
import { startBridgeServer, type BridgeServer } from '../../bridge/bridge-server';
import type { SamplingRelay } from '../../bridge/sampling-relay';
import { writeBridgeDiscoveryFile } from '../../bridge/write-discovery-file';
import { MCP_SERVER_LABEL, MCP_SERVER_NAME, buildServerLaunch } from './server-launch';
import { cursorServerEntry } from './cursor-mcp-config';

export const MCP_PROVIDER_ID = 'multiLlm.mcpServer';

/** Cursor's extension API (not in @types/vscode), declared here as far as we use it. */
interface CursorMcpApi {
  registerServer(config: {
    name: string;
    server: { command: string; args: string[]; env: Record<string, string> };
  }): void;
  unregisterServer?(name: string): void;
}

/** Cursor (its MCP API, or its name when the static .cursor/mcp.json entry is used). */
function isCursor(cursor: CursorMcpApi | undefined): boolean {
  return cursor !== undefined || /cursor/i.test(vscode.env.appName);
}

export function bridgeDiscoveryFolder(context: vscode.ExtensionContext): string {
  return vscode.Uri.joinPath(context.globalStorageUri, 'bridge').fsPath;
}

export function registerMcp(
  context: vscode.ExtensionContext,
  services: {
    council: CouncilService;
    log: vscode.LogOutputChannel;
    /** The relay the council's `sampling` participants were created with. */
    samplingRelay: SamplingRelay;
  },
): vscode.Disposable {
  const { log } = services;
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  const disposables: vscode.Disposable[] = [];
  const cursor = (vscode as unknown as { cursor?: { mcp?: CursorMcpApi } }).cursor?.mcp;
  const bridgeReady: Promise<BridgeServer> = startBridgeServer({
    council: services.council,
    relay: services.samplingRelay,
    hostVersion: version,
    log: (message) => log.info(message),
  });
  bridgeReady.then(
    (bridge) => {
      disposables.push({ dispose: () => void bridge.close() });
      // Only Cursor's static config needs the discovery file (and the window token in it);
      // VS Code hands each server a one-time token at launch instead.
      if (isCursor(cursor)) disposables.push(...writeDiscovery(context, bridge, log));
    },
    (error: unknown) => log.error(`MCP bridge did not start: ${(error as Error).message}`),
  );
  if (typeof vscode.lm.registerMcpServerDefinitionProvider === 'function') {
    const provider = definitionProvider(context, version, bridgeReady, log);
    disposables.push(vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider));
  }
  if (cursor && typeof cursor.registerServer === 'function') {
    disposables.push(...registerWithCursor(cursor, context, log));
  }
  const all = vscode.Disposable.from({ dispose: () => disposables.forEach((d) => d.dispose()) });
  context.subscriptions.push(all);
  return all;
}

/** The 0600 discovery file Cursor's static config finds this window by, kept up to date. */
function writeDiscovery(
  context: vscode.ExtensionContext,
  bridge: BridgeServer,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  try {
    const workspaceFolders = (): string[] =>
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const discovery = writeBridgeDiscoveryFile(bridgeDiscoveryFolder(context), {
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
      workspaceFolders: workspaceFolders(),
    });
    return [
      { dispose: () => discovery.dispose() },
      vscode.workspace.onDidChangeWorkspaceFolders(() => discovery.update(workspaceFolders())),
    ];
  } catch (error) {
    log.warn(`MCP bridge discovery file not written: ${(error as Error).message}`);
    return [];
  }
}

/** VS Code's definition: cached without a token; the token is added when VS Code resolves it. */
function definitionProvider(
  context: vscode.ExtensionContext,
  version: string,
  bridgeReady: Promise<BridgeServer>,
  log: vscode.LogOutputChannel,
): vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> {
  return {
    provideMcpServerDefinitions: () => {
      const launch = buildServerLaunch(context.extensionUri.fsPath);
      return [
        new vscode.McpStdioServerDefinition(
          MCP_SERVER_LABEL,
          launch.command,
          launch.args,
          launch.env,
          version,
        ),
      ];
    },
    resolveMcpServerDefinition: async (server) => {
      const bridge = await bridgeReady;
      // A fresh definition: the token never lands in the object VS Code cached from provide.
      const resolved = new vscode.McpStdioServerDefinition(
        server.label,
        server.command,
        [...server.args],
        {
          ...server.env,
          [BRIDGE_SOCKET_ENV]: bridge.socketPath,
          [BRIDGE_TOKEN_ENV]: bridge.mintOneTimeToken(),
        },
        server.version,
      );
      if (server.cwd) resolved.cwd = server.cwd;
      log.info('MCP server launch: bridge token minted');
      return resolved;
    },
  };
}

function registerWithCursor(
  cursor: CursorMcpApi,
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  try {
    const entry = cursorServerEntry(context.extensionUri.fsPath, bridgeDiscoveryFolder(context));
    cursor.registerServer({ name: MCP_SERVER_NAME, server: entry });
    log.info(`MCP server registered with Cursor (discovery via ${BRIDGE_DISCOVERY_ENV})`);
    return [{ dispose: () => cursor.unregisterServer?.(MCP_SERVER_NAME) }];
  } catch (error) {
    log.warn(`Cursor MCP registration failed: ${(error as Error).message}`);
    return [];
  }
}
