/**
 * The frames of the MCP bridge: the stdio MCP server (a child process the editor started)
 * talks to the extension host over a local socket, one JSON object per line. Both sides parse
 * every inbound frame with these schemas; the host also checks the token before anything else.
 * The operations a `call` frame may name, and their arguments, are the table of
 * bridge-protocol.ts. A message too big for one line travels as `part` frames (frame-writer.ts).
 */
import { z } from 'zod';
import { BRIDGE_METHODS } from './bridge-protocol';

/** Largest line either side accepts, in UTF-8 bytes. Bigger messages are sent as parts. */
export const BRIDGE_MAX_FRAME_BYTES = 4 * 1024 * 1024;
/** Largest message (one frame, whole or reassembled from parts) either side sends or accepts. */
export const BRIDGE_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** Bytes of a message carried by one `part` frame (base64, so the line stays well under the limit). */
export const BRIDGE_PART_BYTES = 1024 * 1024;
/** Before the hello is accepted, a peer may have at most this many bytes buffered. */
export const BRIDGE_MAX_HELLO_BYTES = 4 * 1024;

/** Environment variables the editor sets when it launches the server in bridge mode (not API keys). */
export const BRIDGE_SOCKET_ENV = 'MLO_BRIDGE_SOCKET';
export const BRIDGE_TOKEN_ENV = 'MLO_BRIDGE_TOKEN';
/** A folder of per-window discovery files (Cursor's static mcp.json entry; see cursor-mcp-config). */
export const BRIDGE_DISCOVERY_ENV = 'MLO_BRIDGE_DISCOVERY_DIR';

const id = z.number().int().nonnegative();
const plainObject = z.record(z.string(), z.unknown());
const runId = z.string().min(1).max(200);

/** One piece of a message over BRIDGE_MAX_FRAME_BYTES; `id` is the id of the frame inside. */
const partFrame = z.object({
  type: z.literal('part'),
  id,
  data: z.base64().max(Math.ceil(BRIDGE_PART_BYTES / 3) * 4),
  more: z.boolean(),
});

export const bridgeErrorSchema = z.object({
  message: z.string(),
  hint: z.string().optional(),
  /** Set when the error was a ModelError, so the server can rebuild it. */
  kind: z.string().optional(),
  provider: z.string().optional(),
  modelId: z.string().optional(),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>;

/** Server process -> extension host. */
export const bridgeClientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(512), pid: z.number().int() }),
  z.object({
    type: z.literal('call'),
    id,
    method: z.enum(BRIDGE_METHODS),
    args: z.array(z.unknown()).max(4),
  }),
  /** Abort a pending call (runIteration, waitForResult): the caller's AbortSignal fired. */
  z.object({ type: z.literal('abort'), id }),
  z.object({
    type: z.literal('subscribe'),
    id,
    /** A run id, or '*' for every run (watchAllRuns). */
    runId: z.union([runId, z.literal('*')]),
  }),
  z.object({ type: z.literal('unsubscribe'), id }),
  /** The MCP client of this server declared (or lost) the sampling capability. */
  z.object({ type: z.literal('sampling-available'), available: z.boolean() }),
  /** The answer to a host's `sample` request (the MCP client's own model). */
  z.object({
    type: z.literal('sample-result'),
    id,
    text: z.string().optional(),
    model: z.string().max(300).optional(),
    stopReason: z.string().max(100).optional(),
    error: bridgeErrorSchema.optional(),
  }),
  partFrame,
]);
export type BridgeClientFrame = z.infer<typeof bridgeClientFrameSchema>;

export const bridgeSampleRequestSchema = z.object({
  system: z.string(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
  jsonSchema: z.object({ name: z.string(), schema: z.record(z.string(), z.unknown()) }).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  temperature: z.number().optional(),
  /** "any" or a model hint for the client. */
  modelHint: z.string().max(300),
});
export type BridgeSampleRequest = z.infer<typeof bridgeSampleRequestSchema>;

/** Extension host -> server process. */
export const bridgeHostFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    hostVersion: z.string(),
    /** A one-time token for reconnecting after a lost connection (the next welcome brings another). */
    reconnectToken: z.string().max(512).optional(),
  }),
  z.object({ type: z.literal('result'), id, value: z.unknown().optional() }),
  z.object({ type: z.literal('error'), id, error: bridgeErrorSchema }),
  z.object({
    type: z.literal('event'),
    id,
    event: plainObject.and(z.object({ type: z.string() })),
  }),
  /** Ask the MCP client's own model (sampling/createMessage) on behalf of a `sampling` participant. */
  z.object({ type: z.literal('sample'), id, request: bridgeSampleRequestSchema }),
  z.object({ type: z.literal('sample-cancel'), id }),
  partFrame,
]);
export type BridgeHostFrame = z.infer<typeof bridgeHostFrameSchema>;

export type BridgeFrame = BridgeClientFrame | BridgeHostFrame;
