/**
 * Diffs between proposals, computed with `diff` (jsdiff) and drawn in diff2html's markup by
 * diff-table.ts. Both sides are model output and the file names carry participant names, so
 * the names are reduced to plain single-line text, and every line reaches the DOM as a Lit text
 * binding (no HTML string is ever built from a proposal).
 */
import { render, type TemplateResult } from 'lit';
import { structuredPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';
import { diffTable, type DiffLayout } from './diff-table';

export type { DiffLayout } from './diff-table';

const patches = new Map<string, StructuredPatch>();
/** A drawing, kept as its template: drawn again on a hit, never drawn and then deep-cloned. */
interface DrawnDiff {
  template: TemplateResult;
  hiddenChangedLines: number;
  identical: boolean;
}
/** Drawings per computed patch (so per pair of texts), by layout, theme and line limit. */
const drawings = new WeakMap<StructuredPatch, Map<string, DrawnDiff>>();

/** A file name safe for a unified diff header: one line, no markup characters. */
export function safeDiffFileName(name: string): string {
  const cleaned = name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[<>"'`&]/g, '_')
    .trim()
    .slice(0, 120);
  return cleaned || 'proposal';
}

/** VS Code marks the theme kind on <body>; dark unless the theme says light. */
function colorScheme(): 'dark' | 'light' {
  const classes = document.body.classList;
  return classes.contains('vscode-light') || classes.contains('vscode-high-contrast-light')
    ? 'light'
    : 'dark';
}

/** Diff lines drawn at first; a longer diff shows its first hunks and a "show all" button. */
export const FIRST_DRAW_DIFF_LINES = 200;

export interface RenderedDiff {
  fragment: DocumentFragment;
  /** Changed lines (+ and -) in the hunks not drawn; 0 when the whole diff is shown. */
  hiddenChangedLines: number;
  /** Both texts are the same (the drawn diff has no rows). */
  identical: boolean;
}

/** Changed lines (+ and -) among a hunk's lines. */
function changedLines(lines: string[]): number {
  return lines.filter((line) => line.startsWith('+') || line.startsWith('-')).length;
}

/**
 * The patch's first `maxLines` diff lines (a hunk's header counts as one): whole hunks while
 * they fit, then the start of the next one (its header's counts recomputed), so a 5,000-line
 * diff, or one long hunk when every line changed, appears at once instead of after laying out
 * thousands of rows.
 */
export function firstDiffLines(
  patch: StructuredPatch,
  maxLines: number,
): { patch: StructuredPatch; hiddenChangedLines: number } {
  const hunks: StructuredPatchHunk[] = [];
  let budget = maxLines;
  let hiddenChangedLines = 0;
  for (const hunk of patch.hunks) {
    if (budget >= hunk.lines.length + 1) {
      hunks.push(hunk);
      budget -= hunk.lines.length + 1;
      continue;
    }
    const kept = hunk.lines.slice(0, Math.max(0, budget - 1));
    if (kept.length > 0) {
      const counts = (mark: string) =>
        kept.filter((line) => line.startsWith(' ') || line.startsWith(mark)).length;
      hunks.push({ ...hunk, lines: kept, oldLines: counts('-'), newLines: counts('+') });
    }
    hiddenChangedLines += changedLines(hunk.lines.slice(kept.length));
    budget = 0;
  }
  return { patch: { ...patch, hunks }, hiddenChangedLines };
}

/** The line diff of two proposals, computed once per pair of names and texts. */
function patchOf(oldName: string, newName: string, oldText: string, newText: string) {
  const key = JSON.stringify([oldName, newName, oldText, newText]);
  let patch = patches.get(key);
  if (!patch) {
    patch = structuredPatch(
      safeDiffFileName(oldName),
      safeDiffFileName(newName),
      oldText.endsWith('\n') ? oldText : `${oldText}\n`,
      newText.endsWith('\n') ? newText : `${newText}\n`,
      '',
      '',
      { context: 3 },
    );
    if (patches.size > 50) patches.clear();
    patches.set(key, patch);
  }
  return patch;
}

export function renderDiff(
  oldName: string,
  newName: string,
  oldText: string,
  newText: string,
  layout: DiffLayout,
  maxLines = Number.POSITIVE_INFINITY,
): RenderedDiff {
  const patch = patchOf(oldName, newName, oldText, newText);
  let byView = drawings.get(patch);
  if (!byView) drawings.set(patch, (byView = new Map()));
  const key = `${layout}|${colorScheme()}|${maxLines}`;
  let cached = byView.get(key);
  if (!cached) {
    const first = firstDiffLines(patch, maxLines);
    const template = diffTable(first.patch, layout, colorScheme());
    cached = {
      template,
      hiddenChangedLines: first.hiddenChangedLines,
      identical: patch.hunks.length === 0,
    };
    byView.set(key, cached);
  }
  const fragment = document.createDocumentFragment();
  render(cached.template, fragment);
  return {
    fragment,
    hiddenChangedLines: cached.hiddenChangedLines,
    identical: cached.identical,
  };
}
