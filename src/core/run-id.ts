/** A run id that sorts by time and is safe as a file name. */
export function newRunId(now: number = Date.now()): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const random = globalThis.crypto.randomUUID().slice(0, 8);
  return `run-${stamp}-${random}`;
}
