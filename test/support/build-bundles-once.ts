/**
 * Builds every bundle (esbuild.mjs: dist/cli.js, dist/mcp-server.js, …) once per mocha process,
 * for the tests that spawn them the way a user's shell or an MCP client does.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
let built = false;

export function buildBundlesOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}
