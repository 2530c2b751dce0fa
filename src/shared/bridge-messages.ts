/**
 * The frames of the MCP bridge: the stdio MCP server (a child process the editor started)
 * talks to the extension host over a local socket, one JSON object per line. Both sides parse
 * every inbound frame with these schemas; the host also checks the token before anything else.
 * Run data (inputs, results, events) is plain JSON; its shape is the CouncilService contract.
 */
import { z } from 'zod';

/** Largest frame either side accepts (a 200 KB task plus context and proposals fits easily). */
export const BRIDGE_MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Environment variables the editor sets when it launches the server in bridge mode (not API keys). */
export const BRIDGE_SOCKET_ENV = 'MLO_BRIDGE_SOCKET';
export const BRIDGE_TOKEN_ENV = 'MLO_BRIDGE_TOKEN';
/** A folder of per-window discovery files (Cursor's static mcp.json entry; see cursor-mcp-config). */
export const BRIDGE_DISCOVERY_ENV = 'MLO_BRIDGE_DISCOVERY_DIR';

/** CouncilService methods that are a plain request/response over the bridge. */
export const BRIDGE_METHODS = [
  'listParticipants',
  'findParticipantsForTask',
  'estimate',
  'startConsensus',
  'startVote',
  'runIteration',
  'getStatus',
  'waitForResult',
  'getResult',
  'cancel',
  'finishEarly',
  'listRuns',
  'readTranscript',
] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

const id = z.number().int().nonnegative();
const plainObject = z.record(z.string(), z.unknown());
const runId = z.string().min(1).max(200);

/** Argument tuples per method: checked at the host, so a bad frame never reaches the engine. */
export const bridgeArgumentSchemas = {
  listParticipants: z.tuple([]),
  findParticipantsForTask: z.tuple([
    z.string().max(1_000_000),
    z.array(z.string().max(200)).max(50),
  ]),
  estimate: z.tuple([plainObject]),
  startConsensus: z.tuple([plainObject]),
  startVote: z.tuple([plainObject]),
  runIteration: z.tuple([plainObject, z.array(z.string().max(300)).max(16).optional()]),
  getStatus: z.tuple([runId]),
  waitForResult: z.tuple([runId]),
  getResult: z.tuple([runId]),
  cancel: z.tuple([runId]),
  finishEarly: z.tuple([runId]),
  listRuns: z.tuple([]),
  readTranscript: z.tuple([runId]),
} satisfies Record<BridgeMethod, z.ZodType>;

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
    text: z.string().max(BRIDGE_MAX_FRAME_BYTES).optional(),
    model: z.string().max(300).optional(),
    stopReason: z.string().max(100).optional(),
    error: z.lazy(() => bridgeErrorSchema).optional(),
  }),
]);
export type BridgeClientFrame = z.infer<typeof bridgeClientFrameSchema>;

export const bridgeErrorSchema = z.object({
  message: z.string(),
  hint: z.string().optional(),
  /** Set when the error was a ModelError, so the server can rebuild it. */
  kind: z.string().optional(),
  provider: z.string().optional(),
  modelId: z.string().optional(),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>;

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
  z.object({ type: z.literal('welcome'), hostVersion: z.string() }),
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
]);
export type BridgeHostFrame = z.infer<typeof bridgeHostFrameSchema>;
