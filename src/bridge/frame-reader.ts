/**
 * Newline-delimited frames with a limit counted in UTF-8 bytes, for both ends of the bridge.
 * A line over the limit is not buffered: its bytes are skipped up to the next newline and the
 * caller learns the frame id it began with, so it can fail that one call and go on reading.
 * `part` frames are put back together here, up to a message limit of their own.
 */
export type ReadItem =
  | { kind: 'line'; text: string }
  /** A line or a reassembled message over its limit; `id` when the start of it named one. */
  | { kind: 'oversized'; id?: number; bytes: number };

const NEWLINE = 0x0a;
/** Bytes of an oversized line kept to find the id it carried (`{"type":"call","id":12,…`). */
const HEAD_BYTES = 256;

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Inside a line already over the limit: its head, and how many bytes it has had. */
  private skipping: { head: Buffer; bytes: number } | undefined;

  constructor(private maxLineBytes: number) {}

  /** Bytes held for a line not yet complete. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** After authentication the peer may send bigger frames than before. */
  setLimit(maxLineBytes: number): void {
    this.maxLineBytes = maxLineBytes;
  }

  push(chunk: Buffer): ReadItem[] {
    const items: ReadItem[] = [];
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline < 0 ? chunk.length : newline;
      this.take(chunk.subarray(start, end));
      if (newline < 0) break;
      const item = this.finishLine();
      if (item) items.push(item);
      start = newline + 1;
    }
    return items;
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.skipping) {
      this.skipping.bytes += piece.length;
      return;
    }
    if (this.buffered + piece.length <= this.maxLineBytes) {
      this.chunks.push(Buffer.from(piece));
      this.buffered += piece.length;
      return;
    }
    const head = Buffer.concat([...this.chunks, piece]).subarray(0, HEAD_BYTES);
    this.skipping = { head: Buffer.from(head), bytes: this.buffered + piece.length };
    this.chunks = [];
    this.buffered = 0;
  }

  private finishLine(): ReadItem | undefined {
    if (this.skipping) {
      const { head, bytes } = this.skipping;
      this.skipping = undefined;
      return { kind: 'oversized', bytes, ...idOf(head.toString('utf8')) };
    }
    const text = Buffer.concat(this.chunks).toString('utf8');
    this.chunks = [];
    this.buffered = 0;
    return text.trim() === '' ? undefined : { kind: 'line', text };
  }

  /** True while a line longer than the limit is being skipped (nothing of it is kept). */
  get overLimit(): boolean {
    return this.skipping !== undefined;
  }
}

function idOf(head: string): { id?: number } {
  const match = /^\s*\{\s*"type"\s*:\s*"[a-z-]+"\s*,\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(head);
  return match?.[1] !== undefined ? { id: Number(match[1]) } : {};
}

/** Puts `part` frames back together (parts of one message arrive in a row). */
export class PartAssembler {
  private parts: Buffer[] = [];
  private bytes = 0;
  private tooLarge = false;

  constructor(private readonly maxMessageBytes: number) {}

  /** The whole message once the last part is in; an oversized item if it outgrew the limit. */
  add(part: { id: number; data: string; more: boolean }): ReadItem | undefined {
    const data = Buffer.from(part.data, 'base64');
    this.bytes += data.length;
    if (this.bytes > this.maxMessageBytes) {
      this.tooLarge = true;
      this.parts = [];
    } else if (!this.tooLarge) {
      this.parts.push(data);
    }
    if (part.more) return undefined;
    const item: ReadItem = this.tooLarge
      ? { kind: 'oversized', id: part.id, bytes: this.bytes }
      : { kind: 'line', text: Buffer.concat(this.parts).toString('utf8') };
    this.parts = [];
    this.bytes = 0;
    this.tooLarge = false;
    return item;
  }
}
