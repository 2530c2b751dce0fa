/**
 * The extension-host end of the MCP bridge: a per-window local socket (a unix socket in a
 * private 0700 temp folder, or a named pipe on Windows) that serves this window's
 * CouncilService to the MCP server processes the editor starts. Nothing is served before the
 * peer proves it holds a token we minted (compared in constant time). No 'vscode' import, so
 * the tests run it in plain Node.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CouncilService } from '../../shared/council-service';
import type { LanguageModel, ModelRequest, ModelResponse } from '../../core/language-model';
import { ZERO_USAGE } from '../../core/language-model';
import { ModelError } from '../../core/model-error';
import {
  BRIDGE_MAX_FRAME_BYTES,
  bridgeArgumentSchemas,
  bridgeClientFrameSchema,
  type BridgeClientFrame,
  type BridgeError,
  type BridgeHostFrame,
  type BridgeMethod,
  type BridgeSampleRequest,
} from '../../shared/bridge-messages';
import { BridgeLineReader } from '../../shared/bridge-line-reader';

export interface BridgeServerOptions {
  council: CouncilService;
  /** Defaults to a fresh path in the OS temp folder. */
  socketPath?: string;
  log?: (message: string) => void;
  hostVersion?: string;
  /** How long a minted one-time token stays valid if never used; default 10 minutes. */
  tokenLifetimeMs?: number;
}

export interface BridgeServer {
  readonly socketPath: string;
  /** A token for exactly one connection (VS Code's resolveMcpServerDefinition mints one per launch). */
  mintOneTimeToken(): string;
  /** A token valid for the window's lifetime, for the 0600 discovery file (Cursor's static config). */
  readonly windowToken: string;
  /** Connections currently authenticated. */
  connectionCount(): number;
  /**
   * A `sampling` participant for this window's council: its calls go to the MCP client of the
   * most recent connected server whose client declared sampling (VS Code: "Configure Model Access").
   */
  createSamplingModel(modelHint: string): LanguageModel;
  close(): Promise<void>;
}

const HELLO_TIMEOUT_MS = 5_000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function defaultSocketPath(): { path: string; cleanup: () => void } {
  const name = `mlo-bridge-${process.pid}-${randomBytes(6).toString('hex')}`;
  if (process.platform === 'win32') return { path: `\\\\.\\pipe\\${name}`, cleanup: () => {} };
  // mkdtemp creates the folder 0700, so no other user can even reach the socket inside it.
  const folder = mkdtempSync(join(tmpdir(), 'mlo-'));
  return {
    path: join(folder, `${name.slice(0, 40)}.sock`),
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof Error) {
    const extra = error as Error & {
      hint?: unknown;
      kind?: unknown;
      provider?: unknown;
      modelId?: unknown;
    };
    return {
      message: error.message,
      ...(typeof extra.hint === 'string' ? { hint: extra.hint } : {}),
      ...(typeof extra.kind === 'string' ? { kind: extra.kind } : {}),
      ...(typeof extra.provider === 'string' ? { provider: extra.provider } : {}),
      ...(typeof extra.modelId === 'string' ? { modelId: extra.modelId } : {}),
    };
  }
  return { message: String(error) };
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.log ?? (() => {});
  const lifetime = options.tokenLifetimeMs ?? 10 * 60_000;
  const chosen = options.socketPath
    ? { path: options.socketPath, cleanup: () => {} }
    : defaultSocketPath();
  const windowToken = newToken();
  const oneTimeTokens = new Map<string, number>(); // digest hex -> expiry
  const sockets = new Set<Socket>();
  const samplers: Sampler[] = [];
  let authenticated = 0;

  const accept = (token: string): boolean => {
    const offered = digest(token);
    // Compare against every valid token, in constant time each, without early exit.
    let ok = timingSafeEqual(offered, digest(windowToken));
    const now = Date.now();
    for (const [hex, expiry] of oneTimeTokens) {
      if (expiry < now) {
        oneTimeTokens.delete(hex);
        continue;
      }
      if (timingSafeEqual(offered, Buffer.from(hex, 'hex'))) {
        oneTimeTokens.delete(hex);
        ok = true;
      }
    }
    return ok;
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    serveConnection(
      socket,
      options.council,
      accept,
      log,
      options.hostVersion ?? '0',
      samplers,
      () => {
        authenticated += 1;
      },
      () => {
        authenticated -= 1;
      },
    );
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(chosen.path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') chmodSync(chosen.path, 0o600);
  log(`MCP bridge listening on ${chosen.path}`);

  return {
    socketPath: chosen.path,
    windowToken,
    mintOneTimeToken() {
      const token = newToken();
      oneTimeTokens.set(digest(token).toString('hex'), Date.now() + lifetime);
      return token;
    },
    connectionCount: () => authenticated,
    createSamplingModel: (modelHint) => new BridgeSamplingModel(samplers, modelHint || 'any'),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      chosen.cleanup();
    },
  };
}

function serveConnection(
  socket: Socket,
  council: CouncilService,
  accept: (token: string) => boolean,
  log: (message: string) => void,
  hostVersion: string,
  samplers: Sampler[],
  onAuthenticated: () => void,
  onLost: () => void,
): void {
  socket.setEncoding('utf8');
  const reader = new BridgeLineReader(BRIDGE_MAX_FRAME_BYTES);
  let authed = false;
  const pending = new Map<number, AbortController>();
  const subscriptions = new Map<number, () => void>();
  const samples = new Map<
    number,
    { resolve: (r: ModelResponse) => void; reject: (e: Error) => void; hint: string }
  >();
  let nextSample = 1;
  const sampler: Sampler = {
    sample(request, signal) {
      const id = nextSample++;
      return new Promise<ModelResponse>((resolve, reject) => {
        samples.set(id, { resolve, reject, hint: request.modelHint });
        signal.addEventListener(
          'abort',
          () => {
            samples.delete(id);
            send({ type: 'sample-cancel', id });
            reject(
              new ModelError({
                kind: 'cancelled',
                provider: 'sampling',
                modelId: request.modelHint,
                message: 'The call was cancelled.',
              }),
            );
          },
          { once: true },
        );
        send({ type: 'sample', id, request });
      });
    },
  };
  const helloTimer = setTimeout(() => {
    log('MCP bridge: a peer sent no hello in time; closed');
    socket.destroy();
  }, HELLO_TIMEOUT_MS);

  const send = (frame: BridgeHostFrame): void => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };

  const refuse = (why: string): void => {
    log(`MCP bridge: connection refused (${why})`);
    send({ type: 'error', id: 0, error: { message: `Bridge authentication failed: ${why}.` } });
    socket.end();
    socket.destroy();
  };

  const handle = (frame: BridgeClientFrame): void => {
    switch (frame.type) {
      case 'hello':
        return;
      case 'call':
        void runCall(frame.id, frame.method, frame.args);
        return;
      case 'abort':
        pending.get(frame.id)?.abort();
        return;
      case 'subscribe': {
        const forward = (event: unknown): void =>
          send({ type: 'event', id: frame.id, event: event as { type: string } });
        const stop =
          frame.runId === '*'
            ? council.watchAllRuns(forward)
            : council.subscribe(frame.runId, forward);
        subscriptions.set(frame.id, stop);
        return;
      }
      case 'unsubscribe':
        subscriptions.get(frame.id)?.();
        subscriptions.delete(frame.id);
        return;
      case 'sampling-available': {
        const at = samplers.indexOf(sampler);
        if (at >= 0) samplers.splice(at, 1);
        if (frame.available) samplers.push(sampler);
        return;
      }
      case 'sample-result': {
        const waiting = samples.get(frame.id);
        if (!waiting) return;
        samples.delete(frame.id);
        if (frame.error || frame.text === undefined) {
          waiting.reject(
            new ModelError({
              kind: 'unknown',
              provider: 'sampling',
              modelId: waiting.hint,
              message: frame.error?.message ?? 'The MCP client returned no text.',
              hint:
                frame.error?.hint ??
                'Approve the sampling request in the client, or remove the "sampling" participant.',
            }),
          );
        } else {
          waiting.resolve({
            text: frame.text,
            usage: ZERO_USAGE,
            finishReason: frame.stopReason === 'maxTokens' ? 'length' : 'stop',
            modelId: frame.model ?? waiting.hint,
          });
        }
        return;
      }
    }
  };

  const runCall = async (id: number, method: BridgeMethod, args: unknown[]): Promise<void> => {
    const parsed = bridgeArgumentSchemas[method].safeParse(args);
    if (!parsed.success) {
      send({
        type: 'error',
        id,
        error: { message: `Bad arguments for ${method}: ${parsed.error.message}` },
      });
      return;
    }
    const controller = new AbortController();
    pending.set(id, controller);
    try {
      const value = await invoke(council, method, parsed.data as unknown[], controller.signal);
      send({ type: 'result', id, value });
    } catch (error) {
      send({ type: 'error', id, error: toBridgeError(error) });
    } finally {
      pending.delete(id);
    }
  };

  socket.on('data', (chunk: string) => {
    let lines: string[];
    try {
      lines = reader.push(chunk);
    } catch (error) {
      log(`MCP bridge: ${(error as Error).message}`);
      socket.destroy();
      return;
    }
    for (const line of lines) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        if (!authed) return refuse('not a JSON frame');
        log('MCP bridge: dropped a frame that is not JSON');
        continue;
      }
      const frame = bridgeClientFrameSchema.safeParse(json);
      if (!authed) {
        // The token is checked before anything else is looked at.
        if (!frame.success || frame.data.type !== 'hello')
          return refuse('the first frame must be hello');
        if (!accept(frame.data.token)) return refuse('wrong or expired token');
        clearTimeout(helloTimer);
        authed = true;
        onAuthenticated();
        log(`MCP bridge: MCP server process ${frame.data.pid} connected`);
        send({ type: 'welcome', hostVersion });
        continue;
      }
      if (!frame.success) {
        log(
          `MCP bridge: dropped an invalid frame (${frame.error.issues[0]?.message ?? 'invalid'})`,
        );
        continue;
      }
      handle(frame.data);
    }
  });

  socket.on('close', () => {
    clearTimeout(helloTimer);
    for (const controller of pending.values()) controller.abort();
    for (const stop of subscriptions.values()) stop();
    pending.clear();
    subscriptions.clear();
    const at = samplers.indexOf(sampler);
    if (at >= 0) samplers.splice(at, 1);
    for (const waiting of samples.values()) {
      waiting.reject(
        new ModelError({
          kind: 'network',
          provider: 'sampling',
          modelId: waiting.hint,
          message: 'The MCP server that carried the sampling call disconnected.',
        }),
      );
    }
    samples.clear();
    if (authed) onLost();
  });
  socket.on('error', (error) => log(`MCP bridge socket error: ${error.message}`));
}

async function invoke(
  council: CouncilService,
  method: BridgeMethod,
  args: unknown[],
  signal: AbortSignal,
): Promise<unknown> {
  // The argument tuples were checked by bridgeArgumentSchemas; the object shapes are the
  // CouncilService contract and are checked again by the service itself.
  const a = args as unknown[];
  switch (method) {
    case 'listParticipants':
      return council.listParticipants();
    case 'findParticipantsForTask':
      return council.findParticipantsForTask(a[0] as string, a[1] as string[]);
    case 'estimate':
      return council.estimate(a[0] as Parameters<CouncilService['estimate']>[0]);
    case 'startConsensus':
      return council.startConsensus({ ...(a[0] as object), origin: 'mcp' } as never);
    case 'startVote':
      return council.startVote({ ...(a[0] as object), origin: 'mcp' } as never);
    case 'runIteration':
      return council.runIteration(
        a[0] as Parameters<CouncilService['runIteration']>[0],
        a[1] as string[] | undefined,
        signal,
      );
    case 'getStatus':
      return council.getStatus(a[0] as string);
    case 'waitForResult':
      return council.waitForResult(a[0] as string, signal);
    case 'getResult':
      return council.getResult(a[0] as string);
    case 'cancel':
      return council.cancel(a[0] as string);
    case 'finishEarly':
      return council.finishEarly(a[0] as string);
    case 'listRuns':
      return council.listRuns();
    case 'readTranscript':
      return council.readTranscript(a[0] as string);
  }
}

interface Sampler {
  sample(request: BridgeSampleRequest, signal: AbortSignal): Promise<ModelResponse>;
}

/** The caller's own model reached back through the bridge (see createSamplingModel). */
class BridgeSamplingModel implements LanguageModel {
  readonly provider = 'sampling';

  constructor(
    private readonly samplers: Sampler[],
    readonly modelId: string,
  ) {}

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const sampler = this.samplers[this.samplers.length - 1];
    if (!sampler) {
      throw new ModelError({
        kind: 'bad-request',
        provider: 'sampling',
        modelId: this.modelId,
        message:
          'No connected MCP client offers the "sampling" capability, so the caller\'s own model cannot be a participant.',
        hint: 'Start the Multi-LLM MCP server from a chat client that allows model access (VS Code: the server\'s "Configure Model Access"), or remove the "sampling" participant.',
      });
    }
    const response = await sampler.sample(
      {
        system: request.system,
        messages: request.messages,
        ...(request.jsonSchema ? { jsonSchema: request.jsonSchema } : {}),
        ...(request.maxOutputTokens !== undefined
          ? { maxOutputTokens: request.maxOutputTokens }
          : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        modelHint: this.modelId,
      },
      request.signal,
    );
    request.onTextDelta?.(response.text);
    return response;
  }
}
