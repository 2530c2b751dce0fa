/**
 * Newline-delimited frames with a size limit, for both ends of the bridge. Pure (no Node I/O):
 * the caller feeds decoded text chunks and gets whole lines back.
 */
export class BridgeFrameTooLargeError extends Error {
  constructor(limit: number) {
    super(`A bridge frame exceeded ${limit} bytes; the connection is closed.`);
    this.name = 'BridgeFrameTooLargeError';
  }
}

export class BridgeLineReader {
  private pending = '';

  constructor(private readonly maxBytes: number) {}

  /** Returns the complete lines in this chunk; throws BridgeFrameTooLargeError past the limit. */
  push(chunk: string): string[] {
    this.pending += chunk;
    const lines: string[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (line.length > this.maxBytes) throw new BridgeFrameTooLargeError(this.maxBytes);
      if (line.trim() !== '') lines.push(line);
      newline = this.pending.indexOf('\n');
    }
    // String length counts UTF-16 units, at most the byte length of the same text in UTF-8 ×1;
    // a rough bound is enough to stop a peer from growing the buffer without end.
    if (this.pending.length > this.maxBytes) throw new BridgeFrameTooLargeError(this.maxBytes);
    return lines;
  }
}
