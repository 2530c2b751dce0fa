import { append, h, type Child } from '../dom-builder';
import type { RenderContext } from './render-context';

/** A <details> whose open state survives the re-renders that streaming causes. */
export function collapsible(
  context: RenderContext,
  key: string,
  summary: Child[],
  body: Child[],
  className = 'collapsible',
): HTMLDetailsElement {
  const details = h('details', { className, attrs: { 'data-key': key } });
  if (context.ui.openDetails.has(key)) details.open = true;
  const summaryElement = h('summary', { attrs: { 'data-focus-key': `summary:${key}` } }, summary);
  details.appendChild(summaryElement);
  append(details, body);
  details.addEventListener('toggle', () => {
    if (details.open) context.ui.openDetails.add(key);
    else context.ui.openDetails.delete(key);
  });
  return details;
}
