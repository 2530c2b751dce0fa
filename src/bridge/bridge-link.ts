/**
 * One socket from the server process to the host, from hello to close: it sends frames, reads
 * them back (byte-counted lines, parts put back together) and hands each host frame, or each
 * frame that was over its limit, to the session that owns it (bridge-client.ts).
 */
import { connect, type Socket } from 'node:net';
import {
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_MAX_MESSAGE_BYTES,
  bridgeHostFrameSchema,
  type BridgeClientFrame,
  type BridgeHostFrame,
} from './bridge-frames';
import { FrameReader, PartAssembler, type ReadItem } from './frame-reader';
import { FrameWriter, type SendOutcome } from './frame-writer';

export interface BridgeTarget {
  socketPath: string;
  token: string;
}

export interface LinkHandlers {
  onFrame(frame: BridgeHostFrame): void;
  /** A host frame over the limit; `id` when it named the call it answered. */
  onOversized(id: number | undefined, bytes: number): void;
  /** The socket is gone (`error` says why when it was not a clean close). */
  onClose(error?: Error): void;
}

export type CreateSocket = (socketPath: string) => Socket;

export class BridgeLink {
  private readonly reader = new FrameReader(BRIDGE_MAX_FRAME_BYTES);
  private readonly parts = new PartAssembler(BRIDGE_MAX_MESSAGE_BYTES);
  private readonly writer: FrameWriter;
  private ended = false;
  private markEnded: () => void = () => {};
  /** Resolves once the socket is gone and the session has been told. */
  readonly whenEnded = new Promise<void>((resolve) => (this.markEnded = resolve));

  constructor(
    private readonly socket: Socket,
    private readonly handlers: LinkHandlers,
  ) {
    this.writer = new FrameWriter(socket, () =>
      process.stderr.write('mcp bridge: the editor stopped reading; connection closed\n'),
    );
    socket.on('data', (chunk: Buffer) => {
      for (const item of this.reader.push(chunk)) this.take(item);
    });
    socket.on('error', (error) => this.end(error));
    socket.on('close', () => this.end());
  }

  static open(
    target: BridgeTarget,
    handlers: LinkHandlers,
    createSocket: CreateSocket = connect,
  ): BridgeLink {
    const socket = createSocket(target.socketPath);
    const link = new BridgeLink(socket, handlers);
    socket.once('connect', () =>
      link.send({ type: 'hello', token: target.token, pid: process.pid }),
    );
    return link;
  }

  send(frame: BridgeClientFrame): SendOutcome {
    return this.writer.send(frame);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onClose(error);
    this.markEnded();
  }

  private take(item: ReadItem): void {
    if (item.kind === 'oversized') return this.handlers.onOversized(item.id, item.bytes);
    let json: unknown;
    try {
      json = JSON.parse(item.text);
    } catch {
      return;
    }
    const frame = bridgeHostFrameSchema.safeParse(json);
    if (!frame.success) {
      process.stderr.write('mcp bridge: dropped an invalid frame from the host\n');
      return;
    }
    if (frame.data.type !== 'part') return this.handlers.onFrame(frame.data);
    const whole = this.parts.add(frame.data);
    if (whole) this.take(whole);
  }
}
