/**
 * What the fake server needs from one vendor's wire format. The server owns the generic parts
 * (chunking, pauses, faults, recording); a wire module only knows the vendor's JSON shapes.
 */
import type { Fault, ModelCall } from '../script-rule';

export interface WireUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export interface StreamFrames {
  /** Frames before the first text piece (e.g. response.created, message_start). */
  head: string[];
  /** One frame carrying a text piece. */
  delta(piece: string): string;
  /** Frames after the last piece (completion + usage + end marker). */
  tail: string[];
  /** The vendor's in-stream "overloaded" error frame. */
  overloadedFrame: string;
  contentType: string;
}

export interface ErrorReply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface FaultContext {
  /** The key as the vendor would echo it (masked); never the key itself. */
  maskedKey: string | undefined;
  retryAfter: string;
  retryAfterMs: number | undefined;
}

export interface VendorWire {
  /** Undefined when the path is not a model call of this vendor. */
  parseCall(path: string, body: unknown): ModelCall | undefined;
  streamFrames(call: ModelCall, text: string, usage: WireUsage): StreamFrames;
  completeBody(call: ModelCall, text: string, usage: WireUsage): unknown;
  errorReply(fault: Fault, call: ModelCall, context: FaultContext): ErrorReply;
  /** GET model list; undefined when the path is not this vendor's list endpoint. */
  listModels(path: string, models: FakeModel[], query: URLSearchParams): unknown;
}

/**
 * A model the fake lists, with the lifecycle facts each vendor's list really carries (OpenAI:
 * `shutdown_date`; Anthropic: `lifecycle`, `deprecated_at`, `retires_at`; Gemini: none).
 */
export interface FakeModel {
  id: string;
  lifecycle?: 'active' | 'deprecated' | 'retired';
  /** YYYY-MM-DD. */
  deprecatedAt?: string;
  /** YYYY-MM-DD: OpenAI's shutdown_date, Anthropic's retires_at. */
  shutdownDate?: string;
}

export function fakeModel(model: string | FakeModel): FakeModel {
  return typeof model === 'string' ? { id: model } : model;
}

export function sseFrame(data: unknown, event?: string): string {
  return `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** All text inside a message content value (a string or an array of parts/blocks). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => {
        const record = asRecord(part);
        return typeof record.text === 'string' ? record.text : contentText(record.content);
      })
      .join('');
  }
  return '';
}
