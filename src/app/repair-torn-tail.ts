/**
 * Cuts a file back to its last complete line. After a failed append (a full disk writes part of
 * a line, then fails) the next record would otherwise continue the torn line and be lost with
 * it; cutting first keeps every later record on a line of its own.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, constants } from 'node:fs';

const CHUNK = 64 * 1024;

/** @returns the bytes removed (0 when the file already ends with a newline or is empty). */
export function repairTornTail(path: string): number {
  const fd = openSync(path, constants.O_RDWR | constants.O_NOFOLLOW);
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(CHUNK);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - CHUNK);
      const read = readSync(fd, buffer, 0, end - start, start);
      const newline = buffer.subarray(0, read).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep < size) ftruncateSync(fd, keep);
        return size - keep;
      }
      end = start;
    }
    if (size > 0) ftruncateSync(fd, 0);
    return size;
  } finally {
    closeSync(fd);
  }
}
