/**
 * Writes frames to one end of the bridge: a frame over BRIDGE_MAX_FRAME_BYTES goes as `part`
 * frames, a message over BRIDGE_MAX_MESSAGE_BYTES is not sent at all (the caller answers with an
 * error frame instead), and a reader that stops reading is handled here: droppable frames
 * (token deltas) are skipped while too much is queued, and past a hard limit the connection is
 * closed rather than growing this process's memory without end.
 */
import type { Socket } from 'node:net';
import {
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_MAX_MESSAGE_BYTES,
  BRIDGE_PART_BYTES,
  type BridgeFrame,
} from './bridge-frames';

export interface FrameWriterLimits {
  maxFrameBytes: number;
  maxMessageBytes: number;
  partBytes: number;
  /** Queued bytes above which droppable frames are skipped. */
  dropAboveBytes: number;
  /** Queued bytes above which the reader is taken to be stuck and the connection is closed. */
  closeAboveBytes: number;
}

export const DEFAULT_WRITER_LIMITS: FrameWriterLimits = {
  maxFrameBytes: BRIDGE_MAX_FRAME_BYTES,
  maxMessageBytes: BRIDGE_MAX_MESSAGE_BYTES,
  partBytes: BRIDGE_PART_BYTES,
  dropAboveBytes: 1024 * 1024,
  closeAboveBytes: 3 * BRIDGE_MAX_MESSAGE_BYTES,
};

export type SendOutcome = 'sent' | 'dropped' | 'too-large' | 'closed';

export class FrameWriter {
  private droppedCount = 0;

  constructor(
    private readonly socket: Socket,
    private readonly onStuck: (queuedBytes: number) => void,
    private readonly limits: FrameWriterLimits = DEFAULT_WRITER_LIMITS,
  ) {}

  /** Frames skipped so far because the reader fell behind. */
  get dropped(): number {
    return this.droppedCount;
  }

  send(frame: BridgeFrame, options: { droppable?: boolean } = {}): SendOutcome {
    if (this.socket.destroyed || !this.socket.writable) return 'closed';
    const queued = this.socket.writableLength;
    if (queued > this.limits.closeAboveBytes) {
      this.onStuck(queued);
      this.socket.destroy();
      return 'closed';
    }
    if (options.droppable && queued > this.limits.dropAboveBytes) {
      this.droppedCount += 1;
      return 'dropped';
    }
    const bytes = Buffer.from(JSON.stringify(frame), 'utf8');
    if (bytes.length > this.limits.maxMessageBytes) return 'too-large';
    if (bytes.length <= this.limits.maxFrameBytes) {
      this.socket.write(Buffer.concat([bytes, NEWLINE]));
      return 'sent';
    }
    const id = 'id' in frame ? frame.id : 0;
    for (let at = 0; at < bytes.length; at += this.limits.partBytes) {
      const data = bytes.subarray(at, at + this.limits.partBytes).toString('base64');
      const more = at + this.limits.partBytes < bytes.length;
      this.socket.write(`${JSON.stringify({ type: 'part', id, data, more })}\n`);
    }
    return 'sent';
  }
}

const NEWLINE = Buffer.from('\n');
