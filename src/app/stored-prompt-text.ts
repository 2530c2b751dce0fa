/**
 * Prompts stored once (docs/ARCHITECTURE.md "Where things are persisted"): a large prompt text
 * (the selection, the proposals under review) recurs in every call of every round and again in
 * each repair re-ask. In the JSONL file a `call-started` field of at least STORE_AS_CHUNKS_FROM
 * characters is cut into content-defined chunks (prompt-chunks.ts); each chunk is written once
 * per transcript as a `text` record before the first call that uses it, and the call names its
 * chunks in `promptChunks`. Readers put the texts back (resolvePromptText), so every reader sees
 * the full prompts, as before.
 */
import type { TranscriptRecord } from '../core/transcript-record';
import { chunkId, chunkText } from './prompt-chunks';

export const STORE_AS_CHUNKS_FROM = 8 * 1024;

/** One stored chunk: not an engine event (no seq); readers consume it. */
export interface TextChunkRecord {
  type: 'text';
  runId: string;
  at: number;
  id: string;
  text: string;
}

export interface PromptChunkRefs {
  system?: string[];
  /** Per message: its chunk ids, or null when the message is stored inline. */
  messages?: (string[] | null)[];
}

type CallStarted = Extract<TranscriptRecord, { type: 'call-started' }>;

/**
 * The call-started record as stored, and the chunks it needs that `written` does not hold yet.
 * `clean` is applied to each large text before it is cut (key redaction on the whole text, so
 * no key can straddle two chunks).
 */
export function packPromptText(
  record: CallStarted,
  written: ReadonlySet<string>,
  clean: (text: string) => string,
): { record: TranscriptRecord; chunks: TextChunkRecord[] } {
  const chunks = new Map<string, TextChunkRecord>();
  const refsOf = (text: string): string[] | undefined => {
    if (text.length < STORE_AS_CHUNKS_FROM) return undefined;
    return chunkText(clean(text)).map((chunk) => {
      const id = chunkId(chunk);
      if (!written.has(id) && !chunks.has(id))
        chunks.set(id, { type: 'text', runId: record.runId, at: record.at, id, text: chunk });
      return id;
    });
  };
  const system = refsOf(record.system);
  const messages = record.messages.map((message) => refsOf(message.content) ?? null);
  if (!system && messages.every((refs) => refs === null)) return { record, chunks: [] };
  const refs: PromptChunkRefs = {
    ...(system ? { system } : {}),
    ...(messages.some((entry) => entry !== null) ? { messages } : {}),
  };
  const stored = {
    ...record,
    system: system ? '' : record.system,
    messages: record.messages.map((message, index) =>
      messages[index] ? { ...message, content: '' } : message,
    ),
    promptChunks: refs,
  };
  return { record: stored as TranscriptRecord, chunks: [...chunks.values()] };
}

/** A parsed line that is a stored chunk, registered in `texts`; false for anything else. */
export function takeTextChunk(value: unknown, texts: Map<string, string>): boolean {
  const chunk = value as Partial<TextChunkRecord> | null;
  if (chunk?.type !== 'text') return false;
  if (typeof chunk.id === 'string' && typeof chunk.text === 'string')
    texts.set(chunk.id, chunk.text);
  return true;
}

/** The record with its prompt texts put back from `texts` (other records unchanged). */
export function resolvePromptText(
  record: TranscriptRecord,
  texts: ReadonlyMap<string, string>,
): TranscriptRecord {
  if (record.type !== 'call-started') return record;
  const refs = (record as { promptChunks?: unknown }).promptChunks as PromptChunkRefs | undefined;
  if (typeof refs !== 'object' || refs === null) return record;
  const join = (ids: unknown, inline: string): string =>
    Array.isArray(ids)
      ? ids
          .map(
            (id) =>
              texts.get(String(id)) ??
              `[part ${String(id)} of this prompt is missing from the transcript]`,
          )
          .join('')
      : inline;
  const { promptChunks: _refs, ...rest } = record as CallStarted & { promptChunks: unknown };
  return {
    ...rest,
    system: join(refs.system, record.system),
    messages: record.messages.map((message, index) => ({
      ...message,
      content: join(
        Array.isArray(refs.messages) ? refs.messages[index] : undefined,
        message.content,
      ),
    })),
  } as TranscriptRecord;
}
