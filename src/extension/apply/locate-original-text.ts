/**
 * Where the text a run was asked to change sits in the document now. Pure (no vscode) so the
 * rule that protects the user's edits is unit-tested: the product only ever replaces the exact
 * text that was selected at request time, found again if the document moved on.
 */
export interface OriginalSelection {
  /** The selected text at request time. */
  text: string;
  /** Offset of its first character in the document at request time. */
  startOffset: number;
  /** The document version at request time. */
  version: number;
}

export type LocateResult =
  /** Same version: the original range, untouched. */
  | { kind: 'unchanged'; startOffset: number; endOffset: number }
  /** The document changed but the original text is still there: confirm before applying. */
  | { kind: 'relocated'; startOffset: number; endOffset: number; occurrences: number }
  /** The original text is gone (the user edited it): never apply. */
  | { kind: 'not-found' };

export interface CurrentDocument {
  text: string;
  version: number;
}

export function locateOriginalText(
  original: OriginalSelection,
  current: CurrentDocument,
): LocateResult {
  const length = original.text.length;
  if (current.version === original.version) {
    const atOriginal = current.text.slice(original.startOffset, original.startOffset + length);
    // Same version should mean same text; checked anyway so a wrong offset can never clobber.
    if (atOriginal === original.text) {
      return {
        kind: 'unchanged',
        startOffset: original.startOffset,
        endOffset: original.startOffset + length,
      };
    }
  }
  const offsets = findAllOccurrences(current.text, original.text);
  if (offsets.length === 0) return { kind: 'not-found' };
  const nearest = offsets.reduce((best, offset) =>
    Math.abs(offset - original.startOffset) < Math.abs(best - original.startOffset) ? offset : best,
  );
  return {
    kind: 'relocated',
    startOffset: nearest,
    endOffset: nearest + length,
    occurrences: offsets.length,
  };
}

/** Every start offset of `needle` in `haystack`, overlapping matches included. */
export function findAllOccurrences(haystack: string, needle: string): number[] {
  if (needle.length === 0) return [];
  const offsets: number[] = [];
  let from = 0;
  for (;;) {
    const index = haystack.indexOf(needle, from);
    if (index < 0) return offsets;
    offsets.push(index);
    from = index + 1;
  }
}
