/**
 * Reads a run's JSONL transcript as a stream of validated records. The file is outside input: a
 * symlink, a FIFO or a device (a transcript linked to /dev/zero) is refused before it is read,
 * so is a file over the size cap, and lines are split as the bytes arrive, one bad line costing
 * only itself. A line torn by a crash and continued by the next record (an older writer did not
 * repair) gives that record back instead of losing it.
 */
import { constants, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { TranscriptRecord } from '../core/transcript-record';
import { validTranscriptRecord } from './transcript-record-schema';
import { resolveStoredText, takeTextChunk } from './stored-text';

/** Far above a long run on a large selection (about 7 MB), far below what hurts a process. */
export const MAX_TRANSCRIPT_BYTES = 256 * 1024 * 1024;
/** One record (a call's full prompt or answer) is never near this. */
const MAX_LINE_CHARS = 32 * 1024 * 1024;

export class TranscriptFileRefusedError extends Error {
  override readonly name = 'TranscriptFileRefusedError';
}

/**
 * One line to a record, or undefined (blank, torn, not JSON, not a record's shape, or a stored
 * text chunk, which goes into `texts` for the records after it: stored-text.ts).
 */
export function parseTranscriptLine(
  line: string,
  texts: Map<string, string> = new Map(),
): TranscriptRecord | undefined {
  if (line.trim() === '') return undefined;
  const parsed = parseRecord(line, texts);
  if (parsed !== 'unreadable') return parsed;
  // "…torn fragment{"type":"…"}": every record's JSON starts with its type.
  const resumed = line.lastIndexOf('{"type":"');
  if (resumed <= 0) return undefined;
  const again = parseRecord(line.slice(resumed), texts);
  return again === 'unreadable' ? undefined : again;
}

function parseRecord(
  text: string,
  texts: Map<string, string>,
): TranscriptRecord | undefined | 'unreadable' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'unreadable';
  }
  if (takeTextChunk(value, texts)) return undefined;
  const record = validTranscriptRecord(value);
  return record ? resolveStoredText(record, texts) : 'unreadable';
}

export function parseJsonl(text: string): TranscriptRecord[] {
  const records: TranscriptRecord[] = [];
  const texts = new Map<string, string>();
  for (const line of text.split('\n')) {
    const record = parseTranscriptLine(line, texts);
    if (record) records.push(record);
  }
  return records;
}

/**
 * Every readable record of the file, in order; undefined when it does not exist.
 * @throws TranscriptFileRefusedError for anything but a regular file within the size cap.
 */
export async function readTranscriptFile(
  path: string,
  maxBytes = MAX_TRANSCRIPT_BYTES,
): Promise<TranscriptRecord[] | undefined> {
  let handle;
  try {
    // O_NOFOLLOW: a symlink is refused, not followed; O_NONBLOCK: opening a FIFO cannot hang.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'EMLINK')
      throw new TranscriptFileRefusedError(`${path} is a symbolic link; it was not read.`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new TranscriptFileRefusedError(`${path} is not a regular file; it was not read.`);
    if (info.size > maxBytes)
      throw new TranscriptFileRefusedError(
        `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit for a transcript; it was not read.`,
      );
    if (info.size === 0) return [];
    // Read exactly the size seen now: a file growing meanwhile cannot make this read unbounded.
    const stream = createReadStream('', {
      fd: handle.fd,
      autoClose: false,
      start: 0,
      end: info.size - 1,
    });
    return await parseStream(stream);
  } finally {
    await handle.close();
  }
}

async function parseStream(stream: AsyncIterable<Buffer>): Promise<TranscriptRecord[]> {
  const records: TranscriptRecord[] = [];
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let overlong = false;
  const texts = new Map<string, string>();
  const take = (line: string) => {
    const record = overlong ? undefined : parseTranscriptLine(line, texts);
    if (record) records.push(record);
    overlong = false;
  };
  for await (const chunk of stream) {
    const text = pending + decoder.write(chunk);
    const lines = text.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) take(line);
    if (pending.length > MAX_LINE_CHARS) {
      // Drop the overlong line's bytes as they come; its end is skipped too.
      pending = '';
      overlong = true;
    }
  }
  take(pending + decoder.end());
  return records;
}
