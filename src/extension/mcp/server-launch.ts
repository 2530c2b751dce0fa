/**
 * How the editor starts dist/mcp-server.js: with its own Node (Electron as Node), no API key in
 * the environment (set to null = removed from what the server inherits): the well-known ones
 * always, and every other `*_API_KEY` the editor's environment holds. Pure, no 'vscode'.
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

/** Any other key variable of the editor's environment, e.g. MLO_OPENROUTER_API_KEY. */
const KEY_VARIABLE = /_API_KEY$/i;

export function buildServerLaunch(
  extensionPath: string,
  extra: Record<string, string> = {},
  parentEnv: NodeJS.ProcessEnv = process.env,
): ServerLaunch {
  const env: Record<string, string | null> = { ELECTRON_RUN_AS_NODE: '1' };
  for (const name of SCRUBBED_KEY_VARIABLES) env[name] = null;
  for (const name of Object.keys(parentEnv)) if (KEY_VARIABLE.test(name)) env[name] = null;
  return {
    command: process.execPath,
    args: [join(extensionPath, 'dist', 'mcp-server.js')],
    env: { ...env, ...extra },
  };
}
