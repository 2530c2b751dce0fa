/**
 * A scripted in-process LanguageModel for engine tests and benchmarks: each call is answered by a
 * responder that sees the schema name, which call of that schema this is, the repair attempt and
 * the parsed prompt markup. Configurable latency, streamed deltas, failures, malformed output and
 * calls that hang until aborted. Always honours the request's AbortSignal.
 */
import type {
  LanguageModel,
  ModelRequest,
  ModelResponse,
  Usage,
} from '../../src/core/language-model';
import { ModelError } from '../../src/core/model-error';
import { INPUT_MARKER } from '../../src/core/consensus-prompts';

export interface ScriptedCall {
  /** 'draft' | 'review' | 'merge' | 'final' | 'ratification' | 'vote_answer' | 'vote_clusters' | 'text'. */
  schemaName: string;
  /** 1-based count of first attempts of this schema on this model (= the round for review/merge). */
  nth: number;
  /** 0 for a first attempt, 1 for a repair re-ask (the request carries earlier turns). */
  attempt: number;
  request: ModelRequest;
  /** The whole prompt as one string (system + every message). */
  prompt: string;
  /** `<proposal label="…">…</proposal>` blocks of the last user message, in order. */
  proposals: { label: string; product: string }[];
  /** `<answer label="…">…</answer>` blocks (the vote judge's prompt). */
  answers: { label: string; answer: string }[];
  model: ScriptedLanguageModel;
}

export type ScriptedReply =
  | { json: unknown }
  | { text: string }
  | { error: ModelError }
  /** Never answers; rejects when the request is aborted. */
  | { hang: true };

export type Responder = (call: ScriptedCall) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedModelOptions {
  provider?: string;
  modelId?: string;
  /** Fixed latency of every call, ms (default 0). */
  latencyMs?: number;
  /** Split the reply into this many streamed deltas (default 3). */
  deltas?: number;
  respond: Responder;
}

export interface RecordedCall {
  schemaName: string;
  nth: number;
  attempt: number;
  request: ModelRequest;
  startedAt: number;
  finishedAt?: number;
  aborted: boolean;
  outcome?: 'ok' | 'error' | 'aborted';
}

export class ScriptedLanguageModel implements LanguageModel {
  readonly provider: string;
  readonly modelId: string;
  readonly calls: RecordedCall[] = [];
  private readonly latencyMs: number;
  private readonly deltas: number;
  private readonly respond: Responder;
  private readonly counters = new Map<string, number>();

  constructor(options: ScriptedModelOptions) {
    this.provider = options.provider ?? 'scripted';
    this.modelId = options.modelId ?? 'scripted-model';
    this.latencyMs = options.latencyMs ?? 0;
    this.deltas = Math.max(1, options.deltas ?? 3);
    this.respond = options.respond;
  }

  /** Calls whose signal was aborted while they were in flight. */
  get abortedCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.aborted);
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const schemaName = request.jsonSchema?.name ?? 'text';
    const attempt = request.messages.length > 1 ? 1 : 0;
    const nth =
      attempt === 0
        ? (this.counters.get(schemaName) ?? 0) + 1
        : (this.counters.get(schemaName) ?? 1);
    if (attempt === 0) this.counters.set(schemaName, nth);
    const record: RecordedCall = {
      schemaName,
      nth,
      attempt,
      request,
      startedAt: Date.now(),
      aborted: false,
    };
    this.calls.push(record);
    const signal = request.signal;
    const onAbort = () => {
      record.aborted = true;
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
      const firstUser = request.messages[0];
      const markup = (firstUser ?? lastUser)?.content ?? '';
      const reply = await this.respond({
        schemaName,
        nth,
        attempt,
        request,
        prompt: [request.system, ...request.messages.map((m) => m.content)].join('\n'),
        proposals: parseBlocks(markup, 'proposal').map(({ label, body }) => ({
          label,
          product: body,
        })),
        answers: parseBlocks(markup, 'answer').map(({ label, body }) => ({ label, answer: body })),
        model: this,
      });
      if ('hang' in reply) await waitForAbort(signal);
      else await sleep(this.latencyMs, signal);
      if ('error' in reply) throw reply.error;
      if ('hang' in reply) throw cancelled(this);
      const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
      const size = Math.max(1, Math.ceil(text.length / this.deltas));
      for (let i = 0; i < text.length; i += size) request.onTextDelta?.(text.slice(i, i + size));
      record.outcome = 'ok';
      return { text, usage: usageOf(request, text), finishReason: 'stop', modelId: this.modelId };
    } catch (error) {
      if (signal.aborted) {
        record.outcome = 'aborted';
        throw cancelled(this);
      }
      record.outcome = 'error';
      throw error;
    } finally {
      record.finishedAt = Date.now();
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** Rough token counts (4 characters a token), as the engine's own estimates use. */
export function usageOf(request: ModelRequest, text: string): Usage {
  const input = [request.system, ...request.messages.map((m) => m.content)].join('').length;
  return {
    inputTokens: Math.ceil(input / 4),
    outputTokens: Math.ceil(text.length / 4),
    cachedInputTokens: 0,
  };
}

/** The engine's input document (after INPUT_MARKER), or undefined for other prompts. */
export function inputDocumentOf(text: string): Record<string, unknown> | undefined {
  const at = text.indexOf(INPUT_MARKER);
  if (at < 0) return undefined;
  try {
    return JSON.parse(text.slice(at + INPUT_MARKER.length)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function parseBlocks(text: string, tag: string): { label: string; body: string }[] {
  const document = inputDocumentOf(text);
  if (document) {
    const list = (tag === 'proposal' ? document.proposals : document.answers) as
      { label: string; product?: string; answer?: string }[] | undefined;
    return (list ?? []).map((item) => ({
      label: item.label,
      body: (tag === 'proposal' ? item.product : item.answer) ?? '',
    }));
  }
  const pattern = new RegExp(`<${tag} label="([^"]*)">\\n([\\s\\S]*?)\\n</${tag}>`, 'g');
  return [...text.matchAll(pattern)].map((match) => ({ label: match[1]!, body: match[2]! }));
}

export function failure(kind: ModelError['kind'], message = `scripted ${kind}`): ScriptedReply {
  return { error: new ModelError({ kind, message, provider: 'scripted' }) };
}

function cancelled(model: LanguageModel): ModelError {
  return new ModelError({
    kind: 'cancelled',
    message: 'The call was cancelled.',
    provider: model.provider,
    modelId: model.modelId,
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(new Error('aborted'));
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}
