/**
 * Content-defined chunking of prompt text (docs/ARCHITECTURE.md "Where things are persisted"):
 * a cut falls where the content says so (a rolling gear hash over the last characters), not at
 * fixed offsets, so a selection or proposal embedded at different places of different prompts
 * is cut into the same chunks after its first cut, and each chunk is stored once per transcript.
 */
import { createHash } from 'node:crypto';

const MIN_CHUNK = 1024;
const MAX_CHUNK = 16 * 1024;
/** 12 bits: a cut about every 4 K characters past the minimum. */
const CUT_MASK = 0xfff;

/** 256 fixed pseudo-random 32-bit values (xorshift32 from a constant seed). */
const GEAR: Uint32Array = (() => {
  const table = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x >>> 0;
  }
  return table;
})();

export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash = ((hash << 1) + GEAR[(code ^ (code >>> 8)) & 0xff]!) >>> 0;
    const length = i + 1 - start;
    const atCut = length >= MIN_CHUNK && ((hash & CUT_MASK) === 0 || length >= MAX_CHUNK);
    // Never between the halves of a surrogate pair.
    if (atCut && !isHighSurrogate(code)) {
      chunks.push(text.slice(start, i + 1));
      start = i + 1;
      hash = 0;
    }
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}

/** The id a chunk is stored under: its SHA-256, 128 bits in base64url. */
export function chunkId(chunk: string): string {
  return createHash('sha256').update(chunk, 'utf8').digest('base64url').slice(0, 22);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
