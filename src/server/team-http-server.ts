/**
 * The HTTP face of the team server: POST /mcp (Streamable HTTP, stateless: every request gets
 * its own MCP server built for the caller's key, so any instance can answer any request),
 * GET /health, GET /metrics. Order per request: Host (every path), Origin, then the Bearer key,
 * then the role's tool list; a key is never echoed, logged or stored in clear.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { AgentKeys, Caller } from './agent-keys';
import { createTeamMcpServer } from './create-team-mcp-server';
import { hostAllowed } from './host-check';
import { originAllowed } from './origin-check';
import { BodyError, readJsonBody } from './read-json-body';
import { refusalText, toolsOf } from './team-tool-access';
import type { TeamParts } from './team-tool-context';

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TeamHttpOptions {
  parts: TeamParts;
  keys: AgentKeys;
  allowedOrigins: string[];
  /** The address the server is bound to and the extra names a Host header may carry. */
  bindHost: string;
  allowedHosts: string[];
  /** When set, GET /metrics needs "Authorization: Bearer <this token>" (MLO_METRICS_TOKEN). */
  metricsToken?: string;
  health: () => Promise<{ ok: boolean; instance: string }>;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(body));
}

const rpcError = (code: number, message: string, id: unknown = null) => ({
  jsonrpc: '2.0',
  error: { code, message },
  id,
});

async function authenticate(req: IncomingMessage, keys: AgentKeys): Promise<Caller | undefined> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? keys.authenticate(match[1]!) : undefined;
}

/** A tools/call for a tool outside the role gets an error result naming what the key may call. */
function refusal(body: unknown, caller: Caller): unknown {
  const message = body as
    { method?: unknown; id?: unknown; params?: { name?: unknown } } | undefined;
  if (message?.method !== 'tools/call') return undefined;
  const tool = String(message.params?.name ?? '');
  if (toolsOf(caller.role).includes(tool)) return undefined;
  return {
    jsonrpc: '2.0',
    id: message.id ?? null,
    result: {
      content: [{ type: 'text', text: refusalText(caller.role, caller.agentId, tool) }],
      isError: true,
    },
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison of the metrics token (hashes first, so lengths never leak). */
function metricsAuthorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

async function handleMcp(
  req: IncomingMessage,
  res: ServerResponse,
  options: TeamHttpOptions,
): Promise<void> {
  const { parts } = options;
  if (!originAllowed(req.headers.origin, options.allowedOrigins)) {
    parts.log.event('request-refused', { reason: 'origin' });
    sendJson(
      res,
      403,
      rpcError(-32000, 'Forbidden: this Origin is not allowed (see --allowed-origin).'),
    );
    return;
  }
  const caller = await authenticate(req, options.keys);
  if (!caller) {
    parts.log.event('request-refused', { reason: 'key' });
    sendJson(
      res,
      401,
      rpcError(
        -32001,
        'Unauthorized: send "Authorization: Bearer <key>" with a key from `mlo agents add`.',
      ),
      {
        'www-authenticate': 'Bearer realm="mlo"',
      },
    );
    return;
  }
  if (req.method !== 'POST') {
    // Stateless: no server-initiated stream and no session to delete.
    sendJson(res, 405, rpcError(-32000, 'Method not allowed: this server answers POST only.'), {
      allow: 'POST',
    });
    return;
  }
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  const refused = refusal(body, caller);
  if (refused) {
    parts.metrics.toolCalls.inc({
      tool: String((body as { params: { name?: unknown } }).params.name),
      result: 'refused',
    });
    parts.log.event('tool-refused', { agent_id: caller.agentId, role: caller.role });
    sendJson(res, 200, refused);
    return;
  }
  const server = createTeamMcpServer(parts, caller);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: TeamHttpOptions,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!hostAllowed(req.headers.host, options.bindHost, options.allowedHosts)) {
    options.parts.log.event('request-refused', { reason: 'host' });
    sendJson(
      res,
      403,
      rpcError(-32000, 'Forbidden: this Host is not allowed (see --allowed-host).'),
    );
    return;
  }
  if (path === '/health' && req.method === 'GET') {
    const health = await options.health();
    sendJson(res, health.ok ? 200 : 503, {
      status: health.ok ? 'ok' : 'redis unreachable',
      instance: health.instance,
    });
    return;
  }
  if (path === '/metrics' && req.method === 'GET') {
    if (!metricsAuthorized(req, options.metricsToken)) {
      sendJson(
        res,
        401,
        { error: 'Unauthorized: send "Authorization: Bearer <MLO_METRICS_TOKEN>".' },
        {
          'www-authenticate': 'Bearer realm="mlo-metrics"',
        },
      );
      return;
    }
    const registry = options.parts.metrics.registry;
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    return;
  }
  if (path === '/mcp') {
    await handleMcp(req, res, options);
    return;
  }
  sendJson(res, 404, { error: 'Not found: the MCP endpoint is /mcp.' });
}

export function createTeamHttpServer(options: TeamHttpOptions): Server {
  return createServer((req, res) => {
    route(req, res, options).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error instanceof BodyError) {
        sendJson(res, error.status, rpcError(-32700, error.message));
        return;
      }
      options.parts.log.event('request-failed', {
        reason: error instanceof Error ? error.name : 'unknown',
      });
      sendJson(res, 500, rpcError(-32603, 'Internal error (is Redis reachable?).'));
    });
  });
}
