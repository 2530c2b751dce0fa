/**
 * A pass-through HTTP proxy in front of the fake vendor server that looks at the raw credential
 * of every request, which the fake server itself never records (it redacts on arrival). It keeps
 * only what a test needs to know: which header carried a credential and which expected key it
 * was, never the value. Optionally it plays a careless vendor that echoes the whole key back in
 * its error messages (the fake server's real-API-like errors show only a masked key), to drill
 * the product's redaction where it matters most.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WitnessedRequest {
  path: string;
  /** Header (or "query:key") that carried a credential; undefined when none did. */
  credentialHeader?: string;
  /** Name of the expected key that was sent exactly, or undefined when it matched none. */
  matchedKey?: string;
  status?: number;
  /** The proxy put the whole key into this (error) reply. */
  echoedKey: boolean;
}

export interface CredentialWitnessOptions {
  /** The fake vendor server's base url, e.g. http://127.0.0.1:1234. */
  target: string;
  /** name → key: the keys the product is expected to send (e.g. { openai: 'sk-canary-…' }). */
  expectedKeys: Record<string, string>;
}

export interface CredentialWitness {
  url: string;
  baseUrls: { openai: string; anthropic: string; google: string };
  requests: WitnessedRequest[];
  /** While on, error replies carry the caller's whole key wherever the vendor showed it masked. */
  echoKeyInErrors: boolean;
  close(): Promise<void>;
}

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key'];

function credentialOf(
  headers: IncomingHttpHeaders,
  url: URL,
): { header: string; value: string } | undefined {
  for (const header of CREDENTIAL_HEADERS) {
    const raw = headers[header];
    const text = Array.isArray(raw) ? raw.join(', ') : raw;
    const value = text?.replace(/^Bearer\s+/i, '').trim();
    if (value) return { header, value };
  }
  const key = url.searchParams.get('key');
  return key ? { header: 'query:key', value: key } : undefined;
}

/** The masked form the fake server (like OpenAI) shows in a 401: first 8, stars, last 4. */
function maskedForm(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(12)}${key.slice(-4)}`;
}

export async function startCredentialWitness(
  options: CredentialWitnessOptions,
): Promise<CredentialWitness> {
  const target = new URL(options.target);
  const requests: WitnessedRequest[] = [];
  const state = { echoKeyInErrors: false };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const credential = credentialOf(req.headers, url);
    const matched = Object.entries(options.expectedKeys).find(
      ([, key]) => key === credential?.value,
    );
    const record: WitnessedRequest = {
      path: url.pathname,
      echoedKey: false,
      ...(credential ? { credentialHeader: credential.header } : {}),
      ...(matched ? { matchedKey: matched[0] } : {}),
    };
    requests.push(record);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (reply) => {
        record.status = reply.statusCode;
        const status = reply.statusCode ?? 502;
        if (!(state.echoKeyInErrors && status >= 400 && credential)) {
          res.writeHead(status, reply.headers);
          reply.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () => {
          let body = Buffer.concat(chunks).toString('utf8');
          const masked = maskedForm(credential.value);
          body = body.includes(masked)
            ? body.split(masked).join(credential.value)
            : body.replace(/"message"\s*:\s*"/, `$&(key ${credential.value}) `);
          record.echoedKey = body.includes(credential.value);
          const headers = { ...reply.headers };
          delete headers['content-length'];
          res.writeHead(status, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    // The product hanging up (cancel, timeout) hangs up on the vendor too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrls: {
      openai: `${url}/openai/v1`,
      anthropic: `${url}/anthropic`,
      google: `${url}/google`,
    },
    requests,
    get echoKeyInErrors() {
      return state.echoKeyInErrors;
    },
    set echoKeyInErrors(value: boolean) {
      state.echoKeyInErrors = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
