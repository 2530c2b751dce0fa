/**
 * The vendor-neutral model port (docs/STYLE.md, "One small model port"). Every provider adapter implements this; the
 * engine knows nothing else about a model. Structured output: the engine passes a JSON schema
 * (made from its zod schema) and validates the returned text itself with zod, so validation
 * and the repair re-ask live in one place.
 */
export type ChatRole = 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface JsonSchemaFormat {
  /** A short identifier, [a-zA-Z0-9_-]{1,64} (OpenAI's constraint, the strictest). */
  name: string;
  /** A JSON Schema object (draft 2020-12 subset every vendor accepts). */
  schema: Record<string, unknown>;
}

export interface ModelRequest {
  system: string;
  messages: ChatMessage[];
  /** Ask for JSON matching this schema through the vendor's JSON-schema mode. */
  jsonSchema?: JsonSchemaFormat;
  maxOutputTokens?: number;
  temperature?: number;
  /** Aborting must stop the HTTP request (and any retry wait) at once. */
  signal: AbortSignal;
  /** Called with each streamed text fragment, in order, as it arrives. */
  onTextDelta?: (delta: string) => void;
  /**
   * A retry budget for this call instead of the provider's default: at most `maxRetries`
   * retries of a transient failure, each wait at most `maxDelayMs` (a quick vote's small budget).
   */
  retry?: { maxRetries: number; maxDelayMs: number };
  /** Vendor-only knobs, passed through untouched (docs/STYLE.md, "One small model port"). */
  providerOptions?: Record<string, unknown>;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the vendor's prompt cache (a subset of inputTokens). */
  cachedInputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

export interface ModelResponse {
  text: string;
  usage: Usage;
  finishReason: FinishReason;
  /** The model id the vendor reports having used (may differ from the requested alias). */
  modelId: string;
}

export interface LanguageModel {
  /** 'openai' | 'anthropic' | 'google' | an OpenAI-compatible endpoint id | 'vscode-lm' | 'sampling' | … */
  readonly provider: string;
  readonly modelId: string;
  /** Throws ModelError (never an SDK error type). */
  generate(request: ModelRequest): Promise<ModelResponse>;
}

export const ZERO_USAGE: Usage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
});

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
  };
}
