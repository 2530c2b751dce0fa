/**
 * The `.cursor/mcp.json` entry (Cursor without the registerServer API). The file holds no secret:
 * instead of a token it names the folder of per-window discovery files (0600, in the
 * extension's global storage), from which the server reads the socket and token of the open
 * window. If no window is open, the server runs standalone (keys from its environment).
 * Pure JSON merging here; the 'vscode' side is in write-cursor-mcp-config.ts.
 */
import { BRIDGE_DISCOVERY_ENV } from '../../bridge/bridge-frames';
import { MCP_SERVER_NAME, buildServerLaunch } from './server-launch';

export interface CursorServerEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export function cursorServerEntry(extensionPath: string, discoveryDir: string): CursorServerEntry {
  const launch = buildServerLaunch(extensionPath, { [BRIDGE_DISCOVERY_ENV]: discoveryDir });
  // mcp.json cannot remove variables; only the non-null ones are written.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(launch.env)) if (value !== null) env[name] = value;
  return { command: launch.command, args: launch.args, env };
}

/** Adds or replaces our entry, keeping every other server and setting of an existing file. */
export function mergeCursorMcpConfig(
  existing: string | undefined,
  entry: CursorServerEntry,
): string {
  let config: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    const parsed: unknown = JSON.parse(existing);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('.cursor/mcp.json is not a JSON object; fix or remove it first.');
    }
    config = parsed as Record<string, unknown>;
  }
  const servers =
    config.mcpServers && typeof config.mcpServers === 'object' && !Array.isArray(config.mcpServers)
      ? (config.mcpServers as Record<string, unknown>)
      : {};
  return `${JSON.stringify({ ...config, mcpServers: { ...servers, [MCP_SERVER_NAME]: entry } }, null, 2)}\n`;
}
