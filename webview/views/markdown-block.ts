import { h } from '../dom-builder';
import { renderMarkdown } from '../render-markdown';
import type { RenderContext } from './render-context';

/** Untrusted model text rendered as sanitised markdown in a block. */
export function renderMarkdownInto(
  source: string,
  context: RenderContext,
  className = 'markdown',
): HTMLElement {
  const block = h('div', { className });
  block.appendChild(renderMarkdown(source, context.t));
  return block;
}
