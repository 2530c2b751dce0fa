/**
 * How a test scripts the fake vendor server: a rule matches a model call and says what to answer
 * (a text, or a fault to inject). Rules are checked newest first; unmatched calls get the
 * simulated council.
 */
export type Vendor = 'openai' | 'openai-compatible' | 'anthropic' | 'google';

export type Fault =
  /** 429 with Retry-After (and retry-after-ms / Gemini RetryInfo). */
  | 'rate-limited'
  /** 500 internal server error. */
  | 'server-error'
  /** 503 service unavailable. */
  | 'unavailable'
  /** Anthropic 529 overloaded_error (503 UNAVAILABLE "overloaded" for the others). */
  | 'overloaded'
  /** Stream starts, one delta, then the vendor's in-stream error event (overloaded). */
  | 'overloaded-mid-stream'
  /** 200 + SSE headers, then nothing until the client gives up. */
  | 'silent-after-headers'
  /** Headers and the first delta, then nothing until the client gives up. */
  | 'stall-after-first-delta'
  /** First delta, half an event, then the socket is destroyed. */
  | 'truncated'
  /** A completed answer whose text is broken JSON. */
  | 'malformed-json'
  /** Bad key: 401 (Gemini: 400 API_KEY_INVALID, as the real API does). */
  | 'unauthorized'
  /** OpenAI 429 insufficient_quota, Anthropic 400 credit balance, Gemini 429 quota/billing. */
  | 'insufficient-quota'
  /** The model id is unknown: 404. */
  | 'model-not-found'
  /** 400 invalid request. */
  | 'bad-request';

export interface ScriptedUsage {
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
}

export interface ScriptReply {
  /** Answer text (default: the simulated council's answer). */
  text?: string;
  fault?: Fault;
  /** Retry-After header value for 'rate-limited' (seconds or an HTTP date). Default "0". */
  retryAfter?: string;
  /** retry-after-ms header for 'rate-limited'. */
  retryAfterMs?: number;
  /** Streamed text is cut into pieces of this many characters (default 12). */
  chunkSize?: number;
  /** Pause before anything is sent (a model's latency; the request is held open meanwhile). */
  delayMs?: number;
  /** Pause between streamed pieces. */
  chunkDelayMs?: number;
  /** The server sends the first piece, then waits for this before sending the rest. */
  holdAfterFirstChunk?: Promise<void>;
  usage?: ScriptedUsage;
}

export interface ModelCall {
  vendor: Vendor;
  model: string;
  system: string;
  /** Every user message, joined. */
  userText: string;
  schemaName?: string;
  schema?: unknown;
  stream: boolean;
}

export interface ScriptRule {
  vendor?: Vendor;
  model?: string;
  schemaName?: string;
  /** Apply only to the nth call (1-based) that matches the other fields. */
  nth?: number;
  /** Apply to at most this many matching calls (default: unlimited). */
  times?: number;
  reply: ScriptReply | ((call: ModelCall) => ScriptReply);
}

interface RuleState {
  rule: ScriptRule;
  seen: number;
  used: number;
}

export class ScriptBook {
  private rules: RuleState[] = [];

  add(rule: ScriptRule): void {
    this.rules.unshift({ rule, seen: 0, used: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The reply of the first rule that takes this call, or undefined for the default responder. */
  take(call: ModelCall, schemaName: string | undefined): ScriptReply | undefined {
    for (const state of this.rules) {
      const { rule } = state;
      if (rule.vendor !== undefined && rule.vendor !== call.vendor) continue;
      if (rule.model !== undefined && rule.model !== call.model) continue;
      if (rule.schemaName !== undefined && rule.schemaName !== schemaName) continue;
      state.seen += 1;
      if (rule.nth !== undefined && state.seen !== rule.nth) continue;
      if (rule.times !== undefined && state.used >= rule.times) continue;
      state.used += 1;
      return typeof rule.reply === 'function' ? rule.reply(call) : rule.reply;
    }
    return undefined;
  }
}
