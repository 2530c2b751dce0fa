/**
 * Large texts stored once (docs/ARCHITECTURE.md "Where things are persisted"): the selection and
 * each product recur in every call's prompt of every round, in each repair re-ask, in the answer
 * that carried the product and in its proposal record. In the JSONL file such a text of at least
 * STORE_AS_CHUNKS_FROM characters is cut into content-defined chunks (prompt-chunks.ts); each
 * chunk is written once per transcript as a `text` record before the first record that uses it.
 * A `call-started` record names its prompt's chunks in `promptChunks`; an answer
 * (`call-finished` text), a proposal's product and the combined product name theirs in
 * `textChunks`. Readers put the texts back (resolveStoredText), so every reader sees the full
 * texts, as before. The run's start and end records (the selection, the result that Apply uses)
 * stay whole.
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
type Clean = (text: string) => string;

/**
 * The texts of `text` recorded as chunks not yet in `written`, and the ids that make it up;
 * undefined for a text stored inline (shorter than STORE_AS_CHUNKS_FROM).
 */
function chunkRefs(
  text: string,
  record: TranscriptRecord,
  written: ReadonlySet<string>,
  chunks: Map<string, TextChunkRecord>,
  clean: Clean,
): string[] | undefined {
  if (text.length < STORE_AS_CHUNKS_FROM) return undefined;
  return chunkText(clean(text)).map((chunk) => {
    const id = chunkId(chunk);
    if (!written.has(id) && !chunks.has(id))
      chunks.set(id, { type: 'text', runId: record.runId, at: record.at, id, text: chunk });
    return id;
  });
}

/** The text the chunks make up; a chunk lost to damage is a visible marker, never silence. */
function joinChunks(ids: unknown[], texts: ReadonlyMap<string, string>, what: string): string {
  return ids
    .map(
      (id) =>
        texts.get(String(id)) ??
        `[part ${String(id)} of this ${what} is missing from the transcript]`,
    )
    .join('');
}

/** A call-started record as stored: its large prompt texts as chunk ids in `promptChunks`. */
function packPromptText(
  record: CallStarted,
  written: ReadonlySet<string>,
  clean: Clean,
): { record: TranscriptRecord; chunks: TextChunkRecord[] } {
  const chunks = new Map<string, TextChunkRecord>();
  const refsOf = (text: string) => chunkRefs(text, record, written, chunks, clean);
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

/** A call-started record with its prompt texts put back from `texts`. */
function resolvePromptText(
  record: CallStarted,
  texts: ReadonlyMap<string, string>,
): TranscriptRecord {
  const refs = (record as { promptChunks?: unknown }).promptChunks as PromptChunkRefs | undefined;
  if (typeof refs !== 'object' || refs === null) return record;
  const join = (ids: unknown, inline: string): string =>
    Array.isArray(ids) ? joinChunks(ids, texts, 'prompt') : inline;
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

type Stored = TranscriptRecord & { textChunks?: unknown };

/**
 * The other records' large texts, by record type: a field name (the key in `textChunks`), how
 * to read it and how to put it back. A fixed table: a reader never follows a path from the file.
 */
const TEXT_FIELDS: Partial<
  Record<
    TranscriptRecord['type'],
    Record<string, { get(r: Stored): string; set(r: Stored, text: string): Stored }>
  >
> = {
  'call-finished': {
    text: {
      get: (r) => (r.type === 'call-finished' ? r.text : ''),
      set: (r, text) => ({ ...r, text }) as Stored,
    },
  },
  proposal: {
    product: {
      get: (r) => (r.type === 'proposal' ? r.proposal.product : ''),
      set: (r, product) =>
        r.type === 'proposal' ? ({ ...r, proposal: { ...r.proposal, product } } as Stored) : r,
    },
  },
  combined: {
    product: {
      get: (r) => (r.type === 'combined' ? r.product : ''),
      set: (r, product) => ({ ...r, product }) as Stored,
    },
  },
};

/**
 * The record as stored, and the chunks it needs that `written` does not hold yet. `clean` is
 * applied to each large text before it is cut (key redaction on the whole text, so no key can
 * straddle two chunks).
 */
export function packStoredText(
  record: TranscriptRecord,
  written: ReadonlySet<string>,
  clean: Clean,
): { record: TranscriptRecord; chunks: TextChunkRecord[] } {
  if (record.type === 'call-started') return packPromptText(record, written, clean);
  const fields = TEXT_FIELDS[record.type];
  if (!fields) return { record, chunks: [] };
  const chunks = new Map<string, TextChunkRecord>();
  let stored: Stored = record;
  const refs: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(fields)) {
    const ids = chunkRefs(field.get(record), record, written, chunks, clean);
    if (!ids) continue;
    refs[name] = ids;
    stored = field.set(stored, '');
  }
  if (Object.keys(refs).length === 0) return { record, chunks: [] };
  stored = { ...stored, textChunks: refs };
  return { record: stored, chunks: [...chunks.values()] };
}

/** The record with its stored texts put back from `texts` (records without any unchanged). */
export function resolveStoredText(
  record: TranscriptRecord,
  texts: ReadonlyMap<string, string>,
): TranscriptRecord {
  if (record.type === 'call-started') return resolvePromptText(record, texts);
  const fields = TEXT_FIELDS[record.type];
  const refs = (record as Stored).textChunks;
  if (!fields || typeof refs !== 'object' || refs === null) return record;
  const { textChunks: _refs, ...rest } = record as Stored;
  let restored = rest as Stored;
  for (const [name, field] of Object.entries(fields)) {
    const ids = (refs as Record<string, unknown>)[name];
    if (Array.isArray(ids)) restored = field.set(restored, joinChunks(ids, texts, 'text'));
  }
  return restored;
}
