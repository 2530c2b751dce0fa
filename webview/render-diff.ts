/**
 * Diffs between proposals, computed with `diff` and drawn by diff2html. Both sides are model
 * output and the file names carry participant names, so the names are reduced to plain
 * single-line text and diff2html's HTML is sanitised before it reaches the DOM.
 */
import { createTwoFilesPatch } from 'diff';
import { html as diffToHtml } from 'diff2html';
import { ColorSchemeType } from 'diff2html/lib-esm/types';
import DOMPurify from 'dompurify';

export type DiffLayout = 'side-by-side' | 'line-by-line';

const cache = new Map<string, { fragment: DocumentFragment; hiddenChangedLines: number }>();

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
function colorScheme(): ColorSchemeType {
  const classes = document.body.classList;
  return classes.contains('vscode-light') || classes.contains('vscode-high-contrast-light')
    ? ColorSchemeType.LIGHT
    : ColorSchemeType.DARK;
}

/** Diff lines drawn at first; a longer diff shows its first hunks and a "show all" button. */
export const FIRST_DRAW_DIFF_LINES = 200;

export interface RenderedDiff {
  fragment: DocumentFragment;
  /** Changed lines (+ and -) in the hunks not drawn; 0 when the whole diff is shown. */
  hiddenChangedLines: number;
}

/**
 * Keeps the patch header and the first hunks up to `maxLines` diff lines (at least one hunk),
 * so a 5,000-line diff appears at once instead of after laying out thousands of rows.
 */
function limitHunks(
  patch: string,
  maxLines: number,
): { patch: string; hiddenChangedLines: number } {
  const lines = patch.split('\n');
  const starts = lines.flatMap((line, index) => (line.startsWith('@@') ? [index] : []));
  if (starts.length === 0 || lines.length - starts[0]! <= maxLines) {
    return { patch, hiddenChangedLines: 0 };
  }
  // Hunks [starts[i], starts[i + 1]); keep whole hunks while they fit, the first one always.
  let cut = starts.length;
  for (let hunk = 1; hunk < starts.length; hunk++) {
    const end = starts[hunk + 1] ?? lines.length;
    if (end - starts[0]! > maxLines) {
      cut = hunk;
      break;
    }
  }
  const keptEnd = starts[cut] ?? lines.length;
  const hiddenChangedLines = lines.slice(keptEnd).filter((line) => /^[+-]/.test(line)).length;
  return { patch: lines.slice(0, keptEnd).join('\n'), hiddenChangedLines };
}

export function renderDiff(
  oldName: string,
  newName: string,
  oldText: string,
  newText: string,
  layout: DiffLayout,
  maxLines = Number.POSITIVE_INFINITY,
): RenderedDiff {
  const key = JSON.stringify([oldName, newName, oldText, newText, layout, colorScheme(), maxLines]);
  let cached = cache.get(key);
  if (!cached) {
    const full = createTwoFilesPatch(
      safeDiffFileName(oldName),
      safeDiffFileName(newName),
      oldText.endsWith('\n') ? oldText : `${oldText}\n`,
      newText.endsWith('\n') ? newText : `${newText}\n`,
      '',
      '',
      { context: 3 },
    );
    const { patch, hiddenChangedLines } = limitHunks(full, maxLines);
    const html = diffToHtml(patch, {
      outputFormat: layout,
      drawFileList: false,
      matching: 'lines',
      diffStyle: 'word',
      renderNothingWhenEmpty: false,
      colorScheme: colorScheme(),
    });
    const fragment = DOMPurify.sanitize(html, {
      FORBID_TAGS: ['img', 'svg', 'math', 'style', 'script', 'iframe', 'form', 'input', 'a'],
      FORBID_ATTR: ['style', 'href', 'src'],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    });
    cached = { fragment, hiddenChangedLines };
    if (cache.size > 50) cache.clear();
    cache.set(key, cached);
  }
  return {
    fragment: cached.fragment.cloneNode(true) as DocumentFragment,
    hiddenChangedLines: cached.hiddenChangedLines,
  };
}
