/**
 * The per-window discovery file for servers the editor did not start itself (Cursor's static
 * config): socket path + this window's token, readable by the user only (0600 in a 0700
 * folder), removed when the window closes. Pure Node; the caller passes the folder.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryFile } from './discovery-file-schema';

export function writeBridgeDiscoveryFile(
  folder: string,
  entry: Omit<DiscoveryFile, 'pid' | 'writtenAt'>,
): { path: string; update(workspaceFolders: string[]): void; dispose(): void } {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(folder, 0o700);
  const path = join(folder, `bridge-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  const write = (workspaceFolders: string[]): void => {
    const data: DiscoveryFile = {
      ...entry,
      workspaceFolders,
      pid: process.pid,
      writtenAt: Date.now(),
    };
    writeFileSync(path, JSON.stringify(data), { mode: 0o600 });
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  };
  write(entry.workspaceFolders);
  return { path, update: write, dispose: () => rmSync(path, { force: true }) };
}
