/**
 * How the editor starts dist/mcp-server.js: with its own Node (Electron as Node), no API key in
 * the environment (set to null = removed from what the server inherits). Pure, no 'vscode'.
 */
import { join } from 'node:path';

export const MCP_SERVER_LABEL = 'Multi-LLM Orchestration';
export const MCP_SERVER_NAME = 'multi-llm-orchestration';

/** Variables a user may have exported that must not reach the bridge-mode server. */
export const SCRUBBED_KEY_VARIABLES = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
] as const;

export interface ServerLaunch {
  command: string;
  args: string[];
  env: Record<string, string | null>;
}

export function buildServerLaunch(
  extensionPath: string,
  extra: Record<string, string> = {},
): ServerLaunch {
  const env: Record<string, string | null> = { ELECTRON_RUN_AS_NODE: '1' };
  for (const name of SCRUBBED_KEY_VARIABLES) env[name] = null;
  return {
    command: process.execPath,
    args: [join(extensionPath, 'dist', 'mcp-server.js')],
    env: { ...env, ...extra },
  };
}
