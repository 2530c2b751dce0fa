/** Cuts one page out of a transcript (get_iteration_log pages on the side that holds the file). */
import type { TranscriptRecord } from '../core/transcript-record';
import type { TranscriptPage, TranscriptPageRequest } from '../shared/council-service';

export function pageTranscript(
  all: readonly TranscriptRecord[],
  { offset, limit, maxChars }: TranscriptPageRequest,
): TranscriptPage {
  const records: TranscriptRecord[] = [];
  let size = 0;
  for (const record of all.slice(offset, offset + limit)) {
    const length = JSON.stringify(record).length;
    if (records.length > 0 && size + length > maxChars) break;
    records.push(record);
    size += length;
  }
  const end = offset + records.length;
  return {
    total: all.length,
    offset,
    records,
    ...(end < all.length ? { nextOffset: end } : {}),
  };
}
