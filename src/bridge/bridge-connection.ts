/**
 * One server process's connection to the host. Nothing is looked at before a hello with a valid
 * token (and only a few kilobytes are buffered until then); afterwards `call` frames go to the
 * dispatcher, subscriptions forward run events, and `sample-result` frames settle the sampling
 * relay's requests. A frame or message over its limit fails that one call; the connection stays.
 */
import type { Socket } from 'node:net';
import type { RunEvent } from '../core/run-events';
import type { CouncilService } from '../shared/council-service';
import { dispatchBridgeCall } from './bridge-dispatcher';
import { toBridgeError, tooLargeError } from './bridge-error';
import {
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_MAX_HELLO_BYTES,
  BRIDGE_MAX_MESSAGE_BYTES,
  bridgeClientFrameSchema,
  type BridgeClientFrame,
  type BridgeHostFrame,
} from './bridge-frames';
import type { BridgeMethod } from './bridge-protocol';
import type { BridgeTokens } from './bridge-tokens';
import { forwardedEvent } from './forwarded-event';
import { FrameReader, PartAssembler, type ReadItem } from './frame-reader';
import { DEFAULT_WRITER_LIMITS, FrameWriter, type FrameWriterLimits } from './frame-writer';
import { ConnectionSampler, type SamplingRelay } from './sampling-relay';

export interface BridgeConnectionOptions {
  socket: Socket;
  council: CouncilService;
  tokens: BridgeTokens;
  relay: SamplingRelay;
  log: (message: string) => void;
  hostVersion: string;
  helloTimeoutMs: number;
  writerLimits?: FrameWriterLimits;
  onAuthenticated(): void;
  onLost(): void;
}

export class BridgeConnection {
  private authed = false;
  private readonly reader = new FrameReader(BRIDGE_MAX_HELLO_BYTES);
  private readonly parts = new PartAssembler(BRIDGE_MAX_MESSAGE_BYTES);
  private readonly writer: FrameWriter;
  private readonly pending = new Map<number, AbortController>();
  private readonly subscriptions = new Map<number, () => void>();
  private readonly sampler: ConnectionSampler;
  private readonly helloTimer: ReturnType<typeof setTimeout>;

  constructor(private readonly options: BridgeConnectionOptions) {
    const { socket, log } = options;
    this.writer = new FrameWriter(
      socket,
      (queued) => log(`MCP bridge: a server stopped reading (${queued} bytes queued); closed`),
      options.writerLimits ?? DEFAULT_WRITER_LIMITS,
    );
    this.sampler = new ConnectionSampler((frame) => this.send(frame));
    this.helloTimer = setTimeout(() => {
      log('MCP bridge: a peer sent no hello in time; closed');
      socket.destroy();
    }, options.helloTimeoutMs);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.closed());
    socket.on('error', (error) => log(`MCP bridge socket error: ${error.message}`));
  }

  private send(frame: BridgeHostFrame, droppable = false): void {
    const outcome = this.writer.send(frame, { droppable });
    if (outcome !== 'too-large') return;
    const bytes = Buffer.byteLength(JSON.stringify(frame), 'utf8');
    if (frame.type === 'result') {
      this.send({
        type: 'error',
        id: frame.id,
        error: tooLargeError('The answer', bytes, BRIDGE_MAX_MESSAGE_BYTES),
      });
    } else {
      this.options.log(`MCP bridge: a ${frame.type} frame of ${bytes} bytes was not forwarded`);
    }
  }

  private refuse(why: string): void {
    this.options.log(`MCP bridge: connection refused (${why})`);
    this.send({
      type: 'error',
      id: 0,
      error: { message: `Bridge authentication failed: ${why}.` },
    });
    this.options.socket.end();
    this.options.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    for (const item of this.reader.push(chunk)) {
      if (this.options.socket.destroyed) return;
      this.take(item);
    }
    if (!this.authed && this.reader.overLimit) {
      // Before the token is checked, nobody gets to make this process hold much.
      this.options.log('MCP bridge: a peer sent too much before its hello; closed');
      this.options.socket.destroy();
    }
  }

  private take(item: ReadItem): void {
    if (item.kind === 'oversized') return this.oversized(item.id, item.bytes);
    let json: unknown;
    try {
      json = JSON.parse(item.text);
    } catch {
      if (!this.authed) return this.refuse('not a JSON frame');
      this.options.log('MCP bridge: dropped a frame that is not JSON');
      return;
    }
    const frame = bridgeClientFrameSchema.safeParse(json);
    if (!this.authed) {
      // The token is checked before anything else is looked at.
      if (!frame.success || frame.data.type !== 'hello')
        return this.refuse('the first frame must be hello');
      if (!this.options.tokens.accept(frame.data.token))
        return this.refuse('wrong or expired token');
      return this.welcome(frame.data.pid);
    }
    if (!frame.success) {
      const why = frame.error.issues[0]?.message ?? 'invalid';
      this.options.log(`MCP bridge: dropped an invalid frame (${why})`);
      return;
    }
    this.handle(frame.data);
  }

  private oversized(id: number | undefined, bytes: number): void {
    if (!this.authed) return; // receive() closes the connection
    this.options.log(`MCP bridge: a frame of ${bytes} bytes was over the limit; skipped`);
    if (id !== undefined) {
      this.send({
        type: 'error',
        id,
        error: tooLargeError('The request', bytes, BRIDGE_MAX_MESSAGE_BYTES),
      });
    }
  }

  private welcome(pid: number): void {
    clearTimeout(this.helloTimer);
    this.authed = true;
    this.reader.setLimit(BRIDGE_MAX_FRAME_BYTES);
    this.options.onAuthenticated();
    this.options.log(`MCP bridge: MCP server process ${pid} connected`);
    this.send({
      type: 'welcome',
      hostVersion: this.options.hostVersion,
      reconnectToken: this.options.tokens.mintReconnect(),
    });
  }

  private handle(frame: BridgeClientFrame): void {
    switch (frame.type) {
      case 'hello':
        return;
      case 'call':
        void this.call(frame.id, frame.method, frame.args);
        return;
      case 'abort':
        this.pending.get(frame.id)?.abort();
        return;
      case 'subscribe':
        return this.subscribe(frame.id, frame.runId);
      case 'unsubscribe':
        this.subscriptions.get(frame.id)?.();
        this.subscriptions.delete(frame.id);
        return;
      case 'sampling-available':
        this.options.relay.setOffering(this.sampler, frame.available);
        return;
      case 'sample-result':
        this.sampler.settle(frame);
        return;
      case 'part': {
        const whole = this.parts.add(frame);
        if (whole) this.take(whole);
        return;
      }
    }
  }

  private subscribe(id: number, runId: string): void {
    // A reused id replaces its subscription: the old one must not keep forwarding unseen.
    this.subscriptions.get(id)?.();
    const forward = (event: RunEvent): void =>
      this.send(
        { type: 'event', id, event: forwardedEvent(event) as unknown as { type: string } },
        event.type === 'token-delta',
      );
    const { council } = this.options;
    const stop = runId === '*' ? council.watchAllRuns(forward) : council.subscribe(runId, forward);
    this.subscriptions.set(id, stop);
  }

  private async call(id: number, method: BridgeMethod, args: unknown[]): Promise<void> {
    const controller = new AbortController();
    this.pending.set(id, controller);
    try {
      const value = await dispatchBridgeCall(this.options.council, method, args, controller.signal);
      this.send({ type: 'result', id, value });
    } catch (error) {
      this.send({ type: 'error', id, error: toBridgeError(error) });
    } finally {
      this.pending.delete(id);
    }
  }

  private closed(): void {
    clearTimeout(this.helloTimer);
    for (const controller of this.pending.values()) controller.abort();
    for (const stop of this.subscriptions.values()) stop();
    this.pending.clear();
    this.subscriptions.clear();
    this.options.relay.setOffering(this.sampler, false);
    this.sampler.failAll();
    if (this.authed) this.options.onLost();
  }
}
