/**
 * The MCP server's stdin, one JSON-RPC message per line, with a cap per line. The SDK's stdio
 * transport closes itself when a line outgrows its buffer, which ended the server and every
 * background run with it; here an overlong line is dropped as it streams in (its bytes are never
 * buffered), the client gets an error, and reading resumes at the next newline.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Far above the largest valid call (input-limits.ts caps the texts inside it). */
export const MAX_STDIN_LINE_BYTES = 8 * 1024 * 1024;

export class LineLimitedInput extends Transform {
  /** Bytes of the current line passed on so far. */
  private lineBytes = 0;
  private dropping = false;

  constructor(
    private readonly onOverlong: (bytes: number) => void,
    private readonly maxLineBytes = MAX_STDIN_LINE_BYTES,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline + 1;
      const piece = chunk.subarray(start, end);
      if (
        !this.dropping &&
        this.lineBytes + piece.length - (newline === -1 ? 0 : 1) > this.maxLineBytes
      ) {
        this.dropping = true;
        // What was passed on of this line is ended with a newline: it fails to parse alone.
        if (this.lineBytes > 0) this.push('\n');
      }
      if (this.dropping) {
        this.lineBytes += piece.length;
        if (newline !== -1) {
          this.onOverlong(this.lineBytes);
          this.dropping = false;
          this.lineBytes = 0;
        }
      } else {
        this.push(piece);
        this.lineBytes = newline === -1 ? this.lineBytes + piece.length : 0;
      }
      start = end;
    }
    done();
  }
}
