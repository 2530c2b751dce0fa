/**
 * CouncilService over the bridge: every call is forwarded to the extension host that started
 * this server, where the run executes with the keys from SecretStorage and shows in the panel.
 * This process never holds an API key.
 */
import { connect, type Socket } from 'node:net';
import { ModelError, type ModelErrorKind } from '../core/model-error';
import type { RunEvent, RunEventListener } from '../core/run-events';
import type { CouncilService } from '../shared/council-service';
import {
  BRIDGE_MAX_FRAME_BYTES,
  bridgeHostFrameSchema,
  type BridgeClientFrame,
  type BridgeError,
  type BridgeMethod,
  type BridgeSampleRequest,
} from '../shared/bridge-messages';
import { BridgeLineReader } from '../shared/bridge-line-reader';

export const BRIDGE_LOST_MESSAGE =
  'The editor window that started this MCP server is no longer reachable (the bridge connection closed). ' +
  'Reopen the window and restart the server from the MCP server list, or run the server standalone with API keys in its environment.';

export interface BridgeCouncilClient extends CouncilService {
  close(): void;
  /** Tell the host whether this server's MCP client offers sampling (a `sampling` participant). */
  setSamplingAvailable(available: boolean): void;
  /** Resolves when the connection to the host is gone. */
  readonly closed: Promise<void>;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

function toBridgeErrorShape(error: unknown): BridgeError {
  const e = error as { message?: unknown; hint?: unknown };
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.hint === 'string' ? { hint: e.hint } : {}),
  };
}

function toError(error: BridgeError): Error {
  if (error.kind !== undefined && error.provider !== undefined) {
    return new ModelError({
      kind: error.kind as ModelErrorKind,
      message: error.message,
      provider: error.provider,
      modelId: error.modelId,
      hint: error.hint,
    });
  }
  return Object.assign(new Error(error.message), error.hint ? { hint: error.hint } : {});
}

export interface SampleAnswer {
  text: string;
  model: string;
  stopReason?: string;
}

export async function connectBridgeCouncil(options: {
  socketPath: string;
  token: string;
  timeoutMs?: number;
  /** Relays a host's sampling request to this server's MCP client. */
  onSample?: (request: BridgeSampleRequest, signal: AbortSignal) => Promise<SampleAnswer>;
}): Promise<BridgeCouncilClient> {
  const socket: Socket = connect(options.socketPath);
  socket.setEncoding('utf8');
  const reader = new BridgeLineReader(BRIDGE_MAX_FRAME_BYTES);
  const pending = new Map<number, PendingCall>();
  const listeners = new Map<number, RunEventListener>();
  let nextId = 1;
  let lost: Error | undefined;
  let welcomed: (() => void) | undefined;
  let refused: ((error: Error) => void) | undefined;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  const send = (frame: BridgeClientFrame): void => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };

  const sampleAborts = new Map<number, AbortController>();
  /** The host asks for the MCP client's own model; we relay it as sampling/createMessage. */
  const answerSample = (id: number, request: BridgeSampleRequest): void => {
    const controller = new AbortController();
    sampleAborts.set(id, controller);
    const sample = options.onSample
      ? options.onSample(request, controller.signal)
      : Promise.reject(new Error('This server cannot relay sampling.'));
    sample
      .then(
        (answer) => send({ type: 'sample-result', id, ...answer }),
        (error: unknown) => send({ type: 'sample-result', id, error: toBridgeErrorShape(error) }),
      )
      .finally(() => sampleAborts.delete(id));
  };

  const fail = (error: Error): void => {
    lost ??= error;
    for (const call of pending.values()) call.reject(lost);
    pending.clear();
    refused?.(lost);
    markClosed();
  };

  socket.on('data', (chunk: string) => {
    let lines: string[];
    try {
      lines = reader.push(chunk);
    } catch (error) {
      socket.destroy();
      fail(error as Error);
      return;
    }
    for (const line of lines) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const frame = bridgeHostFrameSchema.safeParse(json);
      if (!frame.success) {
        process.stderr.write(`mcp bridge: dropped an invalid frame from the host\n`);
        continue;
      }
      const data = frame.data;
      if (data.type === 'welcome') {
        welcomed?.();
      } else if (data.type === 'event') {
        listeners.get(data.id)?.(data.event as unknown as RunEvent);
      } else if (data.type === 'sample') {
        answerSample(data.id, data.request);
      } else if (data.type === 'sample-cancel') {
        sampleAborts.get(data.id)?.abort();
      } else if (data.id === 0 && data.type === 'error') {
        fail(new Error(data.error.message));
      } else {
        const call = pending.get(data.id);
        if (!call) continue;
        pending.delete(data.id);
        if (data.type === 'result') call.resolve(data.value);
        else call.reject(toError(data.error));
      }
    }
  });
  socket.on('error', (error) => fail(new Error(`${BRIDGE_LOST_MESSAGE} (${error.message})`)));
  socket.on('close', () => fail(new Error(BRIDGE_LOST_MESSAGE)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('The editor did not answer the bridge handshake in time.'));
    }, options.timeoutMs ?? 5_000);
    welcomed = () => {
      clearTimeout(timer);
      resolve();
    };
    refused = (error) => {
      clearTimeout(timer);
      reject(error);
    };
    socket.once('connect', () => send({ type: 'hello', token: options.token, pid: process.pid }));
  });
  refused = undefined;

  const call = <T>(method: BridgeMethod, args: unknown[], signal?: AbortSignal): Promise<T> => {
    if (lost) return Promise.reject(lost);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (signal) {
        if (signal.aborted) send({ type: 'abort', id });
        else signal.addEventListener('abort', () => send({ type: 'abort', id }), { once: true });
      }
      // Drop undefined trailing arguments so the host's tuple check sees what was meant.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      send({ type: 'call', id, method, args });
    });
  };

  const watch = (runId: string, listener: RunEventListener): (() => void) => {
    const id = nextId++;
    listeners.set(id, listener);
    send({ type: 'subscribe', id, runId });
    return () => {
      listeners.delete(id);
      send({ type: 'unsubscribe', id });
    };
  };

  return {
    closed,
    setSamplingAvailable: (available) => send({ type: 'sampling-available', available }),
    close: () => {
      socket.end();
      socket.destroy();
    },
    listParticipants: () => call('listParticipants', []),
    findParticipantsForTask: (task, skills) => call('findParticipantsForTask', [task, skills]),
    estimate: (request) => call('estimate', [request]),
    startConsensus: (request) => call('startConsensus', [request]),
    startVote: (request) => call('startVote', [request]),
    runIteration: (input, participants, signal) =>
      call('runIteration', [input, participants], signal),
    getStatus: (runId) => call('getStatus', [runId]),
    waitForResult: (runId, signal) => call('waitForResult', [runId], signal),
    getResult: (runId) => call('getResult', [runId]),
    cancel: (runId) => call('cancel', [runId]),
    finishEarly: (runId) => call('finishEarly', [runId]),
    listRuns: () => call('listRuns', []),
    readTranscript: (runId) => call('readTranscript', [runId]),
    subscribe: (runId, listener) => watch(runId, listener),
    watchAllRuns: (listener) => watch('*', listener),
  };
}
