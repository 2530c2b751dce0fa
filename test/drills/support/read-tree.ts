/** Every file under a folder with its text, so a test can look for a leaked secret in all of them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeFile {
  path: string;
  text: string;
}

export function readTree(folder: string): TreeFile[] {
  const files: TreeFile[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...readTree(path));
    else if (entry.isFile()) files.push({ path, text: readFileSync(path, 'utf8') });
  }
  return files;
}
