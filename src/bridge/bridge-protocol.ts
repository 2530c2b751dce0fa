/**
 * The bridge protocol as one table: each request/response operation of CouncilService, its
 * argument tuple as checked at the host, and its answer as checked at the server process. The
 * host's dispatcher (bridge-dispatcher.ts) and the client's proxy (bridge-proxy.ts) are built
 * from this table, and the type below fails to compile when CouncilService gains an operation
 * the table lacks: a new operation is one entry here.
 *
 * The two streaming operations (subscribe, watchAllRuns) are frames of their own
 * (bridge-frames.ts). Run inputs are checked as plain objects here; their fields are the
 * CouncilService contract and are checked again by the service itself.
 */
import { z } from 'zod';
import type {
  IterationInput,
  IterationResult,
  ParticipantMatch,
  RunEstimate,
} from '../core/engine-api-types';
import type { TranscriptRecord } from '../core/transcript-record';
import type {
  CouncilService,
  ParticipantStatus,
  RunResult,
  RunSummary,
  StartConsensusRequest,
  StartVoteRequest,
  TaskStatus,
} from '../shared/council-service';

/** CouncilService operations that are one request and one answer. */
export type BridgeMethod = Exclude<keyof CouncilService, 'subscribe' | 'watchAllRuns'>;

type Params<M extends BridgeMethod> = Parameters<CouncilService[M]>;
/** The arguments as they cross the socket: an AbortSignal is replaced by `abort` frames. */
export type WireArgs<M extends BridgeMethod> = {
  [K in keyof Params<M>]: Exclude<Params<M>[K], AbortSignal>;
};
export type Answer<M extends BridgeMethod> = Awaited<ReturnType<CouncilService[M]>>;

export interface BridgeOperation<M extends BridgeMethod> {
  request: z.ZodType<WireArgs<M>>;
  response: z.ZodType<Answer<M>>;
  /** Where the operation takes its AbortSignal; the host passes one that an `abort` frame fires. */
  signalAt?: number;
  /** What the host imposes whatever the peer sent (a run started over the bridge is an MCP run). */
  onHost?: (args: WireArgs<M>) => WireArgs<M>;
}

/** A JSON object whose fields the receiving service checks itself. */
const record = <T>() =>
  z.custom<T>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected an object',
  );
const runId = z.string().min(1).max(200);
const runStarted = z.object({ runId: z.string() });

export const bridgeProtocol = {
  listParticipants: { request: z.tuple([]), response: z.array(record<ParticipantStatus>()) },
  findParticipantsForTask: {
    request: z.tuple([z.string().max(1_000_000), z.array(z.string().max(200)).max(50)]),
    response: z.array(record<ParticipantMatch>()),
  },
  estimate: {
    request: z.tuple([record<StartConsensusRequest>()]),
    response: record<RunEstimate>(),
  },
  startConsensus: {
    request: z.tuple([record<StartConsensusRequest>()]),
    response: runStarted,
    onHost: ([request]) => [{ ...request, origin: 'mcp' }],
  },
  startVote: {
    request: z.tuple([record<StartVoteRequest>()]),
    response: runStarted,
    onHost: ([request]) => [{ ...request, origin: 'mcp' }],
  },
  runIteration: {
    request: z.tuple([record<IterationInput>(), z.array(z.string().max(300)).max(16).optional()]),
    response: record<IterationResult>(),
    signalAt: 2,
  },
  getStatus: { request: z.tuple([runId]), response: record<TaskStatus>().optional() },
  waitForResult: { request: z.tuple([runId]), response: record<RunResult>(), signalAt: 1 },
  getResult: { request: z.tuple([runId]), response: record<RunResult>().optional() },
  cancel: { request: z.tuple([runId]), response: z.boolean() },
  listRuns: { request: z.tuple([]), response: z.array(record<RunSummary>()) },
  readTranscript: { request: z.tuple([runId]), response: z.array(record<TranscriptRecord>()) },
  readTranscriptPage: {
    request: z.tuple([
      runId,
      z.object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1_000),
        maxChars: z.number().int().min(1).max(4_000_000),
      }),
    ]),
    response: z.object({
      total: z.number(),
      offset: z.number(),
      records: z.array(record<TranscriptRecord>()),
      nextOffset: z.number().optional(),
    }),
  },
} satisfies { [M in BridgeMethod]: BridgeOperation<M> };

export const BRIDGE_METHODS = Object.keys(bridgeProtocol) as [BridgeMethod, ...BridgeMethod[]];

/** The table entry of a method, widened for code that handles every method alike. */
export function operationOf(method: BridgeMethod): BridgeOperation<BridgeMethod> {
  return bridgeProtocol[method] as unknown as BridgeOperation<BridgeMethod>;
}
