/**
 * A local stand-in for the OpenAI, OpenAI-compatible, Anthropic and Gemini APIs on 127.0.0.1,
 * speaking each vendor's real wire format so the real SDKs can be tested against it
 * (docs/ARCHITECTURE.md, "Tests"). Scriptable per test, with fault injection; records every request with the
 * credentials replaced by a marker; notices when a client drops the connection.
 *
 * Routes (test/fake-vendor/README.md): /openai/v1/…, /compat/v1/…, /anthropic/v1/…, /google/v1beta/….
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ScriptBook,
  type ModelCall,
  type ScriptReply,
  type ScriptRule,
  type Vendor,
} from './script-rule';
import { resolveSchemaName, simulateCouncilReply } from './simulated-council';
import { defaultModels } from './fake-models';
import { isBlindModel, schemaOnlyReply } from './schema-only-council';
import { anthropicMessagesWire } from './wire/anthropic-messages-wire';
import { chatCompletionsWire } from './wire/chat-completions-wire';
import { geminiWire } from './wire/gemini-wire';
import { openAiResponsesWire } from './wire/openai-responses-wire';
import { fakeModel, type FakeModel, type VendorWire, type WireUsage } from './wire/vendor-wire';

export type { Fault, ModelCall, ScriptReply, ScriptRule, Vendor } from './script-rule';
export type { FakeModel } from './wire/vendor-wire';

/** Replaces every credential header value in recorded requests. */
export const REDACTED = '[redacted]';

export interface RecordedRequest {
  vendor: Vendor | 'unknown';
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Whether the request carried a credential (its value is never stored). */
  authSent: boolean;
  body: unknown;
  at: number;
  model?: string;
  schemaName?: string;
  stream?: boolean;
  /** The fault injected into the reply, if any. */
  fault?: string;
  /** The client closed the connection before the reply was complete. */
  clientDisconnected: boolean;
  /** Epoch ms (sub-ms precision) at which the first streamed text delta was written. */
  firstDeltaAt?: number;
}

export type Responder = (call: ModelCall) => string;

export interface FakeVendorServerOptions {
  port?: number;
  /**
   * Text for unscripted calls; default: the simulated council, or the schema-only council for a
   * model id containing `blind` (schema-only-council.ts).
   */
  responder?: Responder;
  /** Models the list endpoints return, per vendor (ids, or ids with lifecycle facts). */
  models?: Partial<Record<Vendor, (string | FakeModel)[]>>;
  /** Called with each request's record once its reply is over (sent, or the client left). */
  onRecorded?: (record: RecordedRequest) => void;
}

export interface FakeVendorServer {
  url: string;
  baseUrls: { openai: string; anthropic: string; google: string; openaiCompatible: string };
  requests: RecordedRequest[];
  /** Model calls only (list calls excluded). */
  readonly calls: RecordedRequest[];
  script(rule: ScriptRule): void;
  reset(): void;
  /** Resolves true when some client drops a connection mid-reply within timeoutMs. */
  waitForDisconnect(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'x-goog-api-key',
  'api-key',
  'cookie',
]);

interface Route {
  vendor: Vendor;
  prefix: string;
  wire: VendorWire;
}

const ROUTES: Route[] = [
  { vendor: 'openai', prefix: '/openai', wire: openAiResponsesWire },
  { vendor: 'openai-compatible', prefix: '/compat', wire: chatCompletionsWire },
  { vendor: 'anthropic', prefix: '/anthropic', wire: anthropicMessagesWire },
  { vendor: 'google', prefix: '/google', wire: geminiWire },
];

export async function startFakeVendorServer(
  options: FakeVendorServerOptions = {},
): Promise<FakeVendorServer> {
  const book = new ScriptBook();
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  const open = new Set<ServerResponse>();
  const responder: Responder =
    options.responder ??
    ((call) =>
      isBlindModel(call.model)
        ? schemaOnlyReply(call)
        : simulateCouncilReply({
            model: call.model,
            prompt: call.userText,
            system: call.system,
            ...(call.schemaName === undefined ? {} : { schemaName: call.schemaName }),
            schema: call.schema,
          }));
  const models = defaultModels();
  for (const [vendor, list] of Object.entries(options.models ?? {})) {
    models[vendor as Vendor] = (list ?? []).map(fakeModel);
  }

  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `fake server bug: ${String(error)}` } }));
      } else {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const route = ROUTES.find((candidate) => url.pathname.startsWith(`${candidate.prefix}/`));
    const { headers, authSent } = redactHeaders(req);
    const record: RecordedRequest = {
      vendor: route?.vendor ?? 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      headers,
      authSent,
      body: parseJson(rawBody),
      at: Date.now(),
      clientDisconnected: false,
    };
    requests.push(record);
    let completed = false;
    res.on('finish', () => (completed = true));
    res.on('close', () => {
      if (!completed && !serverDestroyed.has(res)) {
        record.clientDisconnected = true;
        events.emit('disconnect', record);
      }
      options.onRecorded?.(record);
    });

    if (route === undefined)
      return sendJson(res, 404, { error: { message: `no route ${url.pathname}` } });
    const path = url.pathname.slice(route.prefix.length);

    if (req.method === 'GET') {
      const list = route.wire.listModels(path, models[route.vendor], url.searchParams);
      if (list !== undefined) {
        if (!authSent && route.vendor !== 'openai-compatible') {
          const reply = route.wire.errorReply(
            'unauthorized',
            emptyCall(route.vendor),
            faultContext(req, {}),
          );
          return sendJson(res, reply.status, reply.body, reply.headers);
        }
        return sendJson(res, 200, list);
      }
    }

    const call = req.method === 'POST' ? route.wire.parseCall(path, record.body) : undefined;
    if (call === undefined)
      return sendJson(res, 404, { error: { message: `no route ${url.pathname}` } });
    const schemaName = resolveSchemaName(call.schemaName, call.schema);
    record.model = call.model;
    record.stream = call.stream;
    if (schemaName !== undefined) record.schemaName = schemaName;

    const reply: ScriptReply =
      book.take(call, schemaName) ?? (call.model.includes('down') ? { fault: 'server-error' } : {});
    if (reply.fault !== undefined) record.fault = reply.fault;
    await respond(route.wire, call, reply, req, res, record);
  }

  const serverDestroyed = new WeakSet<ServerResponse>();

  async function respond(
    wire: VendorWire,
    call: ModelCall,
    reply: ScriptReply,
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
  ): Promise<void> {
    if (reply.delayMs !== undefined) {
      await delay(reply.delayMs);
      if (res.destroyed || res.writableEnded) return;
    }
    const fault = reply.fault;
    const httpFaults = new Set([
      'rate-limited',
      'server-error',
      'unavailable',
      'overloaded',
      'unauthorized',
      'insufficient-quota',
      'model-not-found',
      'bad-request',
    ]);
    if (fault !== undefined && httpFaults.has(fault)) {
      const error = wire.errorReply(fault, call, faultContext(req, reply));
      return sendJson(res, error.status, error.body, error.headers);
    }
    const text =
      fault === 'malformed-json'
        ? '{"reviews": [{"label": "Proposal A", "score": 9, "critique": ["(simulated) cut off'
        : (reply.text ?? responder(call));
    const usage = usageFor(call, text, reply);

    if (!call.stream) {
      if (fault === 'silent-after-headers' || fault === 'stall-after-first-delta') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        return; // stays open until the client gives up or the server closes
      }
      if (fault === 'truncated') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(JSON.stringify(wire.completeBody(call, text, usage)).slice(0, 40));
        return destroyLater(res);
      }
      return sendJson(res, 200, wire.completeBody(call, text, usage));
    }

    const frames = wire.streamFrames(call, text, usage);
    res.writeHead(200, {
      'content-type': frames.contentType,
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    if (fault === 'silent-after-headers') return;
    for (const frame of frames.head) res.write(frame);
    const pieces = splitText(text, reply.chunkSize ?? 12);
    for (const [index, piece] of pieces.entries()) {
      if (res.destroyed) return;
      res.write(frames.delta(piece));
      if (index === 0) {
        record.firstDeltaAt = performance.timeOrigin + performance.now();
        if (fault === 'stall-after-first-delta') return;
        if (fault === 'overloaded-mid-stream') {
          res.end(frames.overloadedFrame);
          return;
        }
        if (fault === 'truncated') {
          const next = frames.delta(pieces[1] ?? 'more');
          res.write(next.slice(0, Math.floor(next.length / 2)));
          return destroyLater(res);
        }
        if (reply.holdAfterFirstChunk !== undefined) await reply.holdAfterFirstChunk;
      }
      if (reply.chunkDelayMs !== undefined) await delay(reply.chunkDelayMs);
    }
    if (res.destroyed) return;
    for (const frame of frames.tail) res.write(frame);
    res.end();
  }

  function destroyLater(res: ServerResponse): void {
    // Let the partial bytes leave before the socket goes, as a proxy dying mid-reply would.
    setTimeout(() => {
      serverDestroyed.add(res);
      res.socket?.destroy();
    }, 20);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrls: {
      openai: `${url}/openai/v1`,
      openaiCompatible: `${url}/compat/v1`,
      anthropic: `${url}/anthropic`,
      google: `${url}/google`,
    },
    requests,
    get calls() {
      return requests.filter((request) => request.model !== undefined);
    },
    script: (rule) => book.add(rule),
    reset() {
      book.clear();
      requests.length = 0;
    },
    waitForDisconnect(timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          events.off('disconnect', onDisconnect);
          resolve(false);
        }, timeoutMs);
        const onDisconnect = () => {
          clearTimeout(timer);
          resolve(true);
        };
        events.once('disconnect', onDisconnect);
      });
    },
    async close() {
      for (const res of open) {
        serverDestroyed.add(res);
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function redactHeaders(req: IncomingMessage): {
  headers: Record<string, string>;
  authSent: boolean;
} {
  const headers: Record<string, string> = {};
  let authSent = false;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      if (text.replace(/^Bearer\s*/i, '').trim() !== '') authSent = true;
      headers[name] = REDACTED;
    } else {
      headers[name] = text;
    }
  }
  return { headers, authSent };
}

/** The key as OpenAI echoes it in a 401 ("sk-canar***…XYZ"): never the whole key. */
function maskKey(req: IncomingMessage): string | undefined {
  const raw =
    req.headers.authorization?.replace(/^Bearer\s*/i, '') ??
    (req.headers['x-api-key'] as string | undefined) ??
    (req.headers['x-goog-api-key'] as string | undefined);
  if (raw === undefined || raw === '') return undefined;
  return `${raw.slice(0, 8)}${'*'.repeat(12)}${raw.slice(-4)}`;
}

function faultContext(req: IncomingMessage, reply: ScriptReply) {
  return {
    maskedKey: maskKey(req),
    retryAfter: reply.retryAfter ?? '0',
    retryAfterMs: reply.retryAfterMs,
  };
}

function emptyCall(vendor: Vendor): ModelCall {
  return { vendor, model: '', system: '', userText: '', stream: false };
}

function usageFor(call: ModelCall, text: string, reply: ScriptReply): WireUsage {
  const estimate = (value: string) => Math.max(1, Math.ceil(value.length / 4));
  return {
    inputTokens: reply.usage?.inputTokens ?? estimate(call.system + call.userText),
    outputTokens: reply.usage?.outputTokens ?? estimate(text),
    cachedInputTokens: reply.usage?.cachedInputTokens ?? 0,
  };
}

function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size)
    pieces.push(text.slice(index, index + size));
  return pieces.length === 0 ? [''] : pieces;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
