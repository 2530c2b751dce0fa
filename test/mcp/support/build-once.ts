/** Builds the bundles once per mocha process (the spawned-server tests run dist/mcp-server.js). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const SERVER_PATH = resolve(ROOT, 'dist/mcp-server.js');
let built = false;

export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}
