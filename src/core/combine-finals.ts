/**
 * Combines the participants' final versions without a supervisor (docs/PROTOCOL.md): lines
 * on which the finals agree are kept; where they differ, the variant shared by a majority of
 * finals wins; with no majority, the variant of the final with the highest mean peer score wins
 * (ties broken by the variant's text, never by list position).
 */
import { diffArrays } from 'diff';
import type { CombineResult, FinalVersion } from './engine-api-types';

interface Alignment {
  /** For each base line index i: the variant lines this final has in place of base line i. */
  replacements: string[][];
  /** Lines this final inserts before base line i (index = base length means at the end). */
  insertions: string[][];
}

export function combineFinals(finals: FinalVersion[]): CombineResult {
  if (finals.length === 0) return { product: '', agreement: 0, decisions: [] };
  if (finals.length === 1) return { product: finals[0]!.product, agreement: 1, decisions: [] };

  const base = pickBase(finals);
  const baseLines = splitLines(base.product);
  const alignments = new Map(
    finals.map((final) => [final.participantId, align(baseLines, splitLines(final.product))]),
  );

  const output: string[] = [];
  const decisions: CombineResult['decisions'] = [];
  let agreedSlots = 0;
  let slots = 0;
  for (let index = 0; index <= baseLines.length; index++) {
    // Insertions before base line `index`, then base line `index` itself (replaced or not).
    const slotVariants: { kind: 'insert' | 'line'; variants: Map<string, string[]> }[] = [
      {
        kind: 'insert',
        variants: groupVariants(
          finals,
          alignments,
          (alignment) => alignment.insertions[index] ?? [],
        ),
      },
    ];
    if (index < baseLines.length) {
      slotVariants.push({
        kind: 'line',
        variants: groupVariants(
          finals,
          alignments,
          (alignment) => alignment.replacements[index] ?? [],
        ),
      });
    }
    for (const { variants } of slotVariants) {
      const distinct = [...variants.keys()];
      if (distinct.length === 1) {
        const only = distinct[0]!;
        if (only !== '') {
          slots += 1;
          agreedSlots += 1;
        }
        output.push(...decode(only));
        continue;
      }
      slots += 1;
      const winner = decide(finals, variants);
      decisions.push({
        hunk: decisions.length,
        decidedBy: winner.decidedBy,
        winnerIds: winner.ids,
      });
      output.push(...decode(winner.key));
    }
  }
  const product =
    output.join('\n') + (base.product.endsWith('\n') && output.length > 0 ? '\n' : '');
  return { product, agreement: slots === 0 ? 1 : agreedSlots / slots, decisions };
}

function splitLines(text: string): string[] {
  const normalised = text.replace(/\r\n/g, '\n');
  const trimmed = normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised;
  return trimmed === '' ? [] : trimmed.split('\n');
}

/** The base is the final closest to all others (the medoid): alignment then rarely splits a hunk. */
function pickBase(finals: FinalVersion[]): FinalVersion {
  let best = finals[0]!;
  let bestShared = -1;
  for (const candidate of finals) {
    const lines = splitLines(candidate.product);
    let shared = 0;
    for (const other of finals) {
      if (other === candidate) continue;
      for (const part of diffArrays(lines, splitLines(other.product)))
        if (!part.added && !part.removed) shared += part.value.length;
    }
    if (shared > bestShared || (shared === bestShared && scoreOf(candidate) > scoreOf(best))) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}

function align(baseLines: string[], lines: string[]): Alignment {
  const replacements: string[][] = baseLines.map((line) => [line]);
  const insertions: string[][] = Array.from({ length: baseLines.length + 1 }, () => []);
  let baseIndex = 0;
  let removed = 0;
  let added: string[] = [];
  // jsdiff may list a change's removals before or after its additions: collect the whole change
  // (everything between two common runs) and place it once, so a replaced line is never split
  // into "deleted here" and "inserted there".
  const flush = () => {
    if (removed === 0) {
      if (added.length > 0) insertions[baseIndex] = [...(insertions[baseIndex] ?? []), ...added];
    } else {
      // Pair removed and added lines one to one (line-level alignment); surplus added lines stay
      // with the last replaced line, surplus removed lines become deletions.
      for (let k = 0; k < removed; k++) {
        const last = k === removed - 1;
        replacements[baseIndex + k] = last ? added.slice(k) : k < added.length ? [added[k]!] : [];
      }
      baseIndex += removed;
    }
    removed = 0;
    added = [];
  };
  for (const part of diffArrays(baseLines, lines)) {
    if (part.added) added.push(...part.value);
    else if (part.removed) removed += part.value.length;
    else {
      flush();
      baseIndex += part.value.length;
    }
  }
  flush();
  return { replacements, insertions };
}

function encode(lines: string[]): string {
  return lines.length === 0 ? '' : JSON.stringify(lines);
}

function decode(key: string): string[] {
  return key === '' ? [] : (JSON.parse(key) as string[]);
}

function groupVariants(
  finals: FinalVersion[],
  alignments: Map<string, Alignment>,
  pick: (alignment: Alignment) => string[],
): Map<string, string[]> {
  const variants = new Map<string, string[]>();
  for (const final of finals) {
    const key = encode(pick(alignments.get(final.participantId)!));
    variants.set(key, [...(variants.get(key) ?? []), final.participantId]);
  }
  return variants;
}

function scoreOf(final: FinalVersion): number {
  return final.meanScore ?? 0;
}

function decide(
  finals: FinalVersion[],
  variants: Map<string, string[]>,
): { key: string; ids: string[]; decidedBy: 'majority' | 'highest-score' } {
  const entries = [...variants.entries()];
  const majority = entries.find(([, ids]) => ids.length * 2 > finals.length);
  if (majority) return { key: majority[0], ids: majority[1], decidedBy: 'majority' };
  const scoreById = new Map(finals.map((final) => [final.participantId, scoreOf(final)]));
  const ranked = entries
    .map(([key, ids]) => ({
      key,
      ids,
      score: Math.max(...ids.map((id) => scoreById.get(id) ?? 0)),
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const top = ranked[0]!;
  return { key: top.key, ids: top.ids, decidedBy: 'highest-score' };
}
