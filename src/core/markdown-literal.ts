/**
 * Text from a model (or a setting, or a vendor) placed into Markdown so that no renderer can
 * read it as Markdown: no link, no image, no HTML, no autolinked URL survives. Code spans and
 * fenced blocks are the only constructs CommonMark renders verbatim (linkify skips them too),
 * so every outside field goes into one of them, its delimiter longer than any backtick run in
 * the text (docs/SECURITY.md, "Exports that cannot call home").
 */

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/**
 * A one-line code span. Line breaks become spaces: a blank line would end the paragraph and
 * with it the span, leaving the rest as live Markdown.
 */
export function inlineLiteral(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty)';
  const marker = '`'.repeat(longestBacktickRun(flat) + 1);
  // A span starting or ending with a backtick needs a space next to its delimiter.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${marker}${pad}${flat}${pad}${marker}`;
}

/** A fenced block (kept at the start of a line by its callers), for multi-line text. */
export function fencedLiteral(text: string): string {
  const marker = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${marker}text\n${text.replace(/\r\n?/g, '\n')}\n${marker}`;
}
