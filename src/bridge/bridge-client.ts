/**
 * CouncilService over the bridge: every call is forwarded to the extension host that started
 * this server, where the run executes with the keys from SecretStorage and shows in the panel.
 * This process never holds an API key. The request/response operations are generated from the
 * protocol table (bridge-proxy.ts); this session adds the live subscriptions, the sampling
 * relay's answers, and reconnecting (with the one-time token of the last welcome, or a fresh
 * discovery) when the connection drops while the host is still there.
 */
import type { RunEvent, RunEventListener } from '../core/run-events';
import type { CouncilService } from '../shared/council-service';
import { fromBridgeError, tooLargeError } from './bridge-error';
import {
  BRIDGE_MAX_MESSAGE_BYTES,
  type BridgeError,
  type BridgeHostFrame,
  type BridgeSampleRequest,
} from './bridge-frames';
import { BridgeLink, type BridgeTarget, type CreateSocket } from './bridge-link';
import type { SendOutcome } from './frame-writer';
import type { BridgeMethod } from './bridge-protocol';
import { createBridgeProxy } from './bridge-proxy';

export const BRIDGE_LOST_MESSAGE =
  'The editor window that started this MCP server is no longer reachable (the bridge connection closed). ' +
  'Reopen the window and restart the server from the MCP server list, or run the server standalone with API keys in its environment.';

export const BRIDGE_INTERRUPTED_MESSAGE =
  'The connection to the editor dropped while this call was in flight, so its outcome is unknown; ' +
  'list_runs and get_task_status show the runs the editor has.';

export interface BridgeCouncilClient extends CouncilService {
  close(): void;
  /** Tell the host whether this server's MCP client offers sampling (a `sampling` participant). */
  setSamplingAvailable(available: boolean): void;
  /** Resolves when the connection to the host is gone for good (no reconnect succeeded). */
  readonly closed: Promise<void>;
}

export interface SampleAnswer {
  text: string;
  model: string;
  stopReason?: string;
}

export interface BridgeClientOptions extends BridgeTarget {
  timeoutMs?: number;
  /** Relays a host's sampling request to this server's MCP client. */
  onSample?: (request: BridgeSampleRequest, signal: AbortSignal) => Promise<SampleAnswer>;
  /** Where to reconnect instead of the last socket (a discovery folder may name a newer window). */
  rediscover?: () => BridgeTarget | undefined;
  createSocket?: CreateSocket;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const RECONNECT_ATTEMPTS = 3;
const RECONNECT_DELAY_MS = 200;

function errorShape(error: unknown): BridgeError {
  const e = error as { message?: unknown; hint?: unknown };
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.hint === 'string' ? { hint: e.hint } : {}),
  };
}

/** The socket is not there at all (the window closed): no point in trying again. */
function hostGone(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

class BridgeSession {
  private link: BridgeLink | undefined;
  private reconnectToken: string | undefined;
  private reconnecting: Promise<void> | undefined;
  private lost: Error | undefined;
  private closing = false;
  private nextId = 1;
  private sampling: boolean | undefined;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Map<number, { runId: string; listener: RunEventListener }>();
  private readonly sampleAborts = new Map<number, AbortController>();
  private markClosed: () => void = () => {};
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(private readonly options: BridgeClientOptions) {}

  async start(): Promise<void> {
    this.adopt(await this.handshake(this.options));
  }

  /** Connects and waits for the welcome; the link is live (frames flow to this session) after. */
  private handshake(target: BridgeTarget): Promise<BridgeLink> {
    return new Promise<BridgeLink>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        link.close();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error('The editor did not answer the bridge handshake in time.')),
        this.options.timeoutMs ?? 5_000,
      );
      const link = BridgeLink.open(
        target,
        {
          onFrame: (frame) => {
            if (settled) return this.onFrame(link, frame);
            if (frame.type === 'welcome') {
              settled = true;
              clearTimeout(timer);
              this.reconnectToken = frame.reconnectToken;
              resolve(link);
            } else if (frame.type === 'error' && frame.id === 0) {
              fail(new Error(frame.error.message));
            }
          },
          onOversized: (id, bytes) => this.onOversized(id, bytes),
          onClose: (error) => {
            if (settled) return this.onLinkClosed(link);
            const why = error
              ? Object.assign(new Error(`${BRIDGE_LOST_MESSAGE} (${error.message})`), {
                  code: (error as NodeJS.ErrnoException).code,
                })
              : new Error(BRIDGE_LOST_MESSAGE);
            fail(why);
          },
        },
        this.options.createSocket,
      );
    });
  }

  /** A live link: subscriptions and the sampling offer are (re)stated on it. */
  private adopt(link: BridgeLink): void {
    this.link = link;
    for (const [id, { runId }] of this.listeners) link.send({ type: 'subscribe', id, runId });
    if (this.sampling !== undefined) {
      link.send({ type: 'sampling-available', available: this.sampling });
    }
  }

  private onFrame(link: BridgeLink, frame: BridgeHostFrame): void {
    switch (frame.type) {
      case 'event':
        this.listeners.get(frame.id)?.listener(frame.event as unknown as RunEvent);
        return;
      case 'sample':
        return this.answerSample(link, frame.id, frame.request);
      case 'sample-cancel':
        this.sampleAborts.get(frame.id)?.abort();
        return;
      case 'result':
      case 'error': {
        const call = this.pending.get(frame.id);
        if (!call) return;
        this.pending.delete(frame.id);
        if (frame.type === 'result') call.resolve(frame.value);
        else call.reject(fromBridgeError(frame.error));
        return;
      }
      default:
        return;
    }
  }

  private onOversized(id: number | undefined, bytes: number): void {
    const call = id === undefined ? undefined : this.pending.get(id);
    if (!call || id === undefined) return;
    this.pending.delete(id);
    call.reject(
      fromBridgeError(tooLargeError("The editor's answer", bytes, BRIDGE_MAX_MESSAGE_BYTES)),
    );
  }

  /** The host asks for the MCP client's own model; the answer goes back on the same link. */
  private answerSample(link: BridgeLink, id: number, request: BridgeSampleRequest): void {
    const controller = new AbortController();
    this.sampleAborts.set(id, controller);
    const sample = this.options.onSample
      ? this.options.onSample(request, controller.signal)
      : Promise.reject(new Error('This server cannot relay sampling.'));
    sample
      .then(
        (answer) => link.send({ type: 'sample-result', id, ...answer }),
        (error: unknown) => link.send({ type: 'sample-result', id, error: errorShape(error) }),
      )
      .finally(() => this.sampleAborts.delete(id));
  }

  private onLinkClosed(link: BridgeLink): void {
    if (this.link !== link) return;
    this.link = undefined;
    const interrupted = new Error(this.closing ? BRIDGE_LOST_MESSAGE : BRIDGE_INTERRUPTED_MESSAGE);
    for (const call of this.pending.values()) call.reject(interrupted);
    this.pending.clear();
    for (const controller of this.sampleAborts.values()) controller.abort();
    if (this.closing) return this.giveUp();
    this.reconnecting = this.reconnect().finally(() => (this.reconnecting = undefined));
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 1; attempt <= RECONNECT_ATTEMPTS; attempt++) {
      const target =
        this.options.rediscover?.() ??
        (this.reconnectToken
          ? { socketPath: this.options.socketPath, token: this.reconnectToken }
          : undefined);
      if (!target || this.closing) break;
      try {
        const link = await this.handshake(target);
        process.stderr.write('mcp bridge: reconnected to the editor\n');
        return this.adopt(link);
      } catch (error) {
        if (hostGone(error)) break;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS * attempt));
      }
    }
    this.giveUp();
  }

  private giveUp(): void {
    this.lost ??= new Error(BRIDGE_LOST_MESSAGE);
    this.markClosed();
  }

  async call(method: BridgeMethod, args: unknown[], signal?: AbortSignal): Promise<unknown> {
    // A frame that found its socket already closed was never sent: send it on the next link.
    for (let attempt = 0; ; attempt++) {
      if (this.reconnecting) await this.reconnecting;
      const link = this.link;
      if (this.lost || !link) throw this.lost ?? new Error(BRIDGE_LOST_MESSAGE);
      const sent = this.send(link, method, args, signal);
      if (sent !== 'unsent') return sent;
      if (attempt >= 2) throw new Error(BRIDGE_LOST_MESSAGE);
      await link.whenEnded;
    }
  }

  private send(
    link: BridgeLink,
    method: BridgeMethod,
    args: unknown[],
    signal: AbortSignal | undefined,
  ): Promise<unknown> | 'unsent' {
    const id = this.nextId++;
    let outcome: SendOutcome = 'closed';
    const answer = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      outcome = link.send({ type: 'call', id, method, args });
      if (outcome === 'too-large') {
        this.pending.delete(id);
        const bytes = Buffer.byteLength(JSON.stringify(args), 'utf8');
        reject(fromBridgeError(tooLargeError('The request', bytes, BRIDGE_MAX_MESSAGE_BYTES)));
      }
    });
    if (outcome === 'closed') {
      this.pending.delete(id);
      return 'unsent';
    }
    if (signal) {
      const abort = (): void => void link.send({ type: 'abort', id });
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
    }
    return answer;
  }

  watch(runId: string, listener: RunEventListener): () => void {
    const id = this.nextId++;
    this.listeners.set(id, { runId, listener });
    this.link?.send({ type: 'subscribe', id, runId });
    return () => {
      this.listeners.delete(id);
      this.link?.send({ type: 'unsubscribe', id });
    };
  }

  setSamplingAvailable(available: boolean): void {
    this.sampling = available;
    this.link?.send({ type: 'sampling-available', available });
  }

  close(): void {
    this.closing = true;
    if (this.link) this.link.close();
    else this.giveUp();
  }
}

export async function connectBridgeCouncil(
  options: BridgeClientOptions,
): Promise<BridgeCouncilClient> {
  const session = new BridgeSession(options);
  await session.start();
  return {
    ...createBridgeProxy((method, args, signal) => session.call(method, args, signal)),
    closed: session.closed,
    setSamplingAvailable: (available) => session.setSamplingAvailable(available),
    close: () => session.close(),
    subscribe: (runId, listener) => session.watch(runId, listener),
    watchAllRuns: (listener) => session.watch('*', listener),
  };
}
