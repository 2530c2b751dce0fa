/**
 * Cursor's static .cursor/mcp.json cannot carry a one-time token, so the entry points the
 * server at a folder of per-window discovery files instead (each 0600, written by the
 * extension, deleted when its window closes). The server picks the window whose workspace
 * contains its working folder, else the most recent live one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { processExists } from '../app/run-writer-liveness';
import { discoveryFileSchema, type DiscoveryFile } from './discovery-file-schema';

function inside(folder: string, path: string): boolean {
  const f = resolve(folder);
  const p = resolve(path);
  return p === f || p.startsWith(f + sep);
}

export function discoverBridge(
  folder: string,
  cwd: string = process.cwd(),
): DiscoveryFile | undefined {
  let names: string[];
  try {
    names = readdirSync(folder).filter(
      (name) => name.startsWith('bridge-') && name.endsWith('.json'),
    );
  } catch {
    return undefined;
  }
  const candidates: DiscoveryFile[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      // Refuse files other users could have written or read.
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) continue;
      const parsed = discoveryFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success && processExists(parsed.data.pid)) candidates.push(parsed.data);
    } catch {
      // An unreadable or half-written file is skipped.
    }
  }
  candidates.sort((a, b) => b.writtenAt - a.writtenAt);
  return candidates.find((c) => c.workspaceFolders.some((w) => inside(w, cwd))) ?? candidates[0];
}
