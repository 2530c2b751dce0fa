/**
 * A line diff drawn as Lit templates in diff2html's markup and classes (its stylesheet,
 * dist/webview/diff2html.min.css, draws it). Both sides are model output: every line is a Lit
 * text binding, so no HTML string is built from them and nothing needs sanitising. Changed
 * line pairs mark their changed words (jsdiff's word diff), like diff2html's `diffStyle: 'word'`.
 */
import { html, type TemplateResult } from 'lit';
import { diffWordsWithSpace, type StructuredPatch, type StructuredPatchHunk } from 'diff';

export type DiffLayout = 'side-by-side' | 'line-by-line';

type Kind = 'cntx' | 'del' | 'ins';

interface DiffLine {
  kind: Kind;
  text: string;
  number: { old?: number; new?: number };
  /** The line's text with its changed words marked, when it pairs with a similar line. */
  words?: (TemplateResult | string)[];
}

/** One row of a side-by-side table pair; a side without a line is an empty placeholder. */
interface SideRow {
  left?: DiffLine;
  right?: DiffLine;
}

const PREFIX: Record<Kind, string> = { cntx: ' ', del: '-', ins: '+' };

/** Lines longer than this are not compared for pairing (as diff2html's default). */
const MAX_COMPARED_LINE = 200;
/** Comparisons per change block at most (diff2html's `matchingMaxComparisons`). */
const MAX_COMPARISONS = 2500;
/** How far ahead among the added lines a removed line looks for its partner. */
const LOOK_AHEAD = 8;

/**
 * Marks the changed words of a removed line and an added line when they are an edit of each
 * other (at least a quarter of their text in common); lines with little in common are a
 * replacement, not a pair.
 */
function pairWords(removed: DiffLine, added: DiffLine): boolean {
  const parts = diffWordsWithSpace(removed.text, added.text);
  const common = parts.reduce((sum, p) => sum + (p.added || p.removed ? 0 : p.value.length), 0);
  if (!common || common * 4 < Math.max(removed.text.length, added.text.length)) return false;
  removed.words = parts
    .filter((p) => !p.added)
    .map((p) => (p.removed ? html`<del>${p.value}</del>` : p.value));
  added.words = parts
    .filter((p) => !p.removed)
    .map((p) => (p.added ? html`<ins>${p.value}</ins>` : p.value));
  return true;
}

/**
 * Side-by-side rows of one change block (removed lines, then added ones): each removed line
 * pairs, in order, with the next similar added line a few lines ahead, like diff2html's
 * `matching: 'lines'`; an unpaired line faces an empty placeholder.
 */
function blockRows(removed: DiffLine[], added: DiffLine[]): SideRow[] {
  const rows: SideRow[] = [];
  let next = 0;
  let budget = MAX_COMPARISONS;
  for (const left of removed) {
    let partner = -1;
    const comparable = left.text.length <= MAX_COMPARED_LINE;
    for (let j = next; comparable && j < Math.min(added.length, next + LOOK_AHEAD); j++) {
      if (budget-- <= 0 || added[j]!.text.length > MAX_COMPARED_LINE) continue;
      if (pairWords(left, added[j]!)) {
        partner = j;
        break;
      }
    }
    if (partner < 0) {
      rows.push({ left });
      continue;
    }
    for (; next < partner; next++) rows.push({ right: added[next] });
    rows.push({ left, right: added[next++] });
  }
  for (; next < added.length; next++) rows.push({ right: added[next] });
  return rows;
}

/** A hunk's lines in order (line by line), and as side-by-side rows. */
function hunkLines(hunk: StructuredPatchHunk): { lines: DiffLine[]; rows: SideRow[] } {
  const lines: DiffLine[] = [];
  const rows: SideRow[] = [];
  let oldNumber = hunk.oldStart;
  let newNumber = hunk.newStart;
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = (): void => {
    rows.push(...blockRows(removed, added));
    lines.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const raw of hunk.lines) {
    const text = raw.slice(1);
    if (raw.startsWith('-')) {
      if (added.length) flush();
      removed.push({ kind: 'del', text, number: { old: oldNumber++ } });
    } else if (raw.startsWith('+')) {
      added.push({ kind: 'ins', text, number: { new: newNumber++ } });
    } else if (raw.startsWith(' ')) {
      flush();
      const line: DiffLine = { kind: 'cntx', text, number: { old: oldNumber++, new: newNumber++ } };
      lines.push(line);
      rows.push({ left: line, right: line });
    }
  }
  flush();
  return { lines, rows };
}

function hunkHeader(hunk: StructuredPatchHunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
}

function lineClass(line: DiffLine): string {
  return line.words ? `d2h-${line.kind} d2h-change` : `d2h-${line.kind}`;
}

/** The line's text: its words marked, or a <br> holding an empty line's height. */
function text(line: DiffLine): unknown {
  return line.words ?? (line.text || html`<br />`);
}

// One template per row, its cells inline, and no white space between tags: a 200-line diff is
// 200 template instances and no blank text nodes (inside a diff line, white space is content).
function unifiedRow(line: DiffLine): TemplateResult {
  const kind = lineClass(line);
  // prettier-ignore
  return html`<tr><td class="d2h-code-linenumber ${kind}"><div class="line-num1">${line.number.old ?? ''}</div><div class="line-num2">${line.number.new ?? ''}</div></td><td class=${kind}><div class="d2h-code-line"><span class="d2h-code-line-prefix">${PREFIX[line.kind]}</span><span class="d2h-code-line-ctn">${text(line)}</span></div></td></tr>`;
}

// prettier-ignore
const EMPTY_SIDE_ROW = html`<tr><td class="d2h-code-side-linenumber d2h-code-side-emptyplaceholder d2h-cntx d2h-emptyplaceholder"></td><td class="d2h-cntx d2h-emptyplaceholder"><div class="d2h-code-side-line d2h-code-side-emptyplaceholder"><span class="d2h-code-line-prefix"> </span><span class="d2h-code-line-ctn"><br /></span></div></td></tr>`;

function sideRow(line: DiffLine | undefined, side: 'old' | 'new'): TemplateResult {
  if (!line) return EMPTY_SIDE_ROW;
  const kind = lineClass(line);
  // prettier-ignore
  return html`<tr><td class="d2h-code-side-linenumber ${kind}">${line.number[side]}</td><td class=${kind}><div class="d2h-code-side-line"><span class="d2h-code-line-prefix">${PREFIX[line.kind]}</span><span class="d2h-code-line-ctn">${text(line)}</span></div></td></tr>`;
}

function infoRow(text: string, numberClass: string, lineClassName: string): TemplateResult {
  // prettier-ignore
  return html`<tr><td class="${numberClass} d2h-info"></td><td class="d2h-info"><div class=${lineClassName}>${text}</div></td></tr>`;
}

function table(rows: unknown): TemplateResult {
  // prettier-ignore
  return html`<div class="d2h-code-wrapper"><table class="d2h-diff-table"><tbody class="d2h-diff-tbody">${rows}</tbody></table></div>`;
}

/** The patch as diff2html's file block: a header with both names, then the hunks. */
export function diffTable(
  patch: StructuredPatch,
  layout: DiffLayout,
  colorScheme: 'dark' | 'light',
): TemplateResult {
  const hunks = patch.hunks.map((hunk) => ({ header: hunkHeader(hunk), ...hunkLines(hunk) }));
  const name =
    patch.oldFileName === patch.newFileName
      ? patch.newFileName
      : `${patch.oldFileName} → ${patch.newFileName}`;
  const body =
    layout === 'line-by-line'
      ? html`<div class="d2h-file-diff">
          ${table(
            hunks.map(
              (h) =>
                html`${infoRow(h.header, 'd2h-code-linenumber', 'd2h-code-line')}${h.lines.map(unifiedRow)}`,
            ),
          )}
        </div>`
      : html`<div class="d2h-files-diff">
          ${(['old', 'new'] as const).map(
            (side) =>
              html`<div class="d2h-file-side-diff">
                ${table(
                  hunks.map(
                    (h) =>
                      html`${infoRow(side === 'old' ? h.header : '\u00a0', 'd2h-code-side-linenumber', 'd2h-code-side-line')}${h.rows.map((row) => sideRow(side === 'old' ? row.left : row.right, side))}`,
                  ),
                )}
              </div>`,
          )}
        </div>`;
  return html`<div class="d2h-wrapper d2h-${colorScheme}-color-scheme">
    <div class="d2h-file-wrapper">
      <div class="d2h-file-header">
        <span class="d2h-file-name-wrapper"><span class="d2h-file-name">${name}</span></span>
      </div>
      ${body}
    </div>
  </div>`;
}
