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

const cache = new Map<string, DocumentFragment>();

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

export function renderDiff(
  oldName: string,
  newName: string,
  oldText: string,
  newText: string,
  layout: DiffLayout,
): DocumentFragment {
  const key = JSON.stringify([oldName, newName, oldText, newText, layout, colorScheme()]);
  let fragment = cache.get(key);
  if (!fragment) {
    const patch = createTwoFilesPatch(
      safeDiffFileName(oldName),
      safeDiffFileName(newName),
      oldText.endsWith('\n') ? oldText : `${oldText}\n`,
      newText.endsWith('\n') ? newText : `${newText}\n`,
      '',
      '',
      { context: 3 },
    );
    const html = diffToHtml(patch, {
      outputFormat: layout,
      drawFileList: false,
      matching: 'lines',
      diffStyle: 'word',
      renderNothingWhenEmpty: false,
      colorScheme: colorScheme(),
    });
    fragment = DOMPurify.sanitize(html, {
      FORBID_TAGS: ['img', 'svg', 'math', 'style', 'script', 'iframe', 'form', 'input', 'a'],
      FORBID_ATTR: ['style', 'href', 'src'],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    });
    if (cache.size > 50) cache.clear();
    cache.set(key, fragment);
  }
  return fragment.cloneNode(true) as DocumentFragment;
}
