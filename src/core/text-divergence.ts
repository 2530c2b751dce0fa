import { diffLines, diffWordsWithSpace } from 'diff';

/**
 * Normalised divergence of two texts: 0 = identical, 1 = nothing shared. The mean of a
 * line-level and a token-level measure (jsdiff), each 1 − 2·shared / (size A + size B), so a
 * whitespace-only change moves it a little and a rewrite moves it a lot.
 */
export function textDivergence(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return 1;
  return (lineDivergence(a, b) + tokenDivergence(a, b)) / 2;
}

export function lineDivergence(a: string, b: string): number {
  let shared = 0;
  let total = 0;
  for (const part of diffLines(normaliseNewlines(a), normaliseNewlines(b))) {
    const lines = part.count ?? 0;
    const common = !part.added && !part.removed;
    total += common ? lines * 2 : lines;
    if (common) shared += lines * 2;
  }
  return total === 0 ? 0 : clamp01(1 - shared / total);
}

export function tokenDivergence(a: string, b: string): number {
  let shared = 0;
  let total = 0;
  for (const part of diffWordsWithSpace(a, b)) {
    const size = part.value.length;
    const common = !part.added && !part.removed;
    total += common ? size * 2 : size;
    if (common) shared += size * 2;
  }
  return total === 0 ? 0 : clamp01(1 - shared / total);
}

/** 1 − divergence. */
export function textSimilarity(a: string, b: string): number {
  return 1 - textDivergence(a, b);
}

function normaliseNewlines(text: string): string {
  const unified = text.replace(/\r\n/g, '\n');
  return unified.endsWith('\n') ? unified : `${unified}\n`;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
