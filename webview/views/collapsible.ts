import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './render-context';

/**
 * A <details> whose open state is the user's: Lit keeps the element across updates, and the
 * key is remembered so a view rebuilt from a snapshot opens the same sections again. The body
 * is drawn only while the section is open: a finished run's closed proposals and reviews
 * (hundreds of KB of text) cost nothing until the user opens one.
 */
export function collapsible(
  context: RenderContext,
  key: string,
  summary: unknown,
  body: () => unknown,
  className = 'collapsible',
  testId?: string,
): TemplateResult {
  const onToggle = (event: Event): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    const wasOpen = context.ui.openDetails.has(key);
    if (details.open) context.ui.openDetails.add(key);
    else context.ui.openDetails.delete(key);
    if (details.open !== wasOpen) context.rerender();
  };
  const open = context.ui.openDetails.has(key);
  return html`<details
    class=${className}
    data-key=${key}
    data-testid=${testId ?? nothing}
    .open=${open}
    @toggle=${onToggle}
  >
    <summary>${summary}</summary>
    ${open ? body() : nothing}
  </details>`;
}

/** Code and other untrusted plain text: a <pre><code> whose text is a Lit text binding. */
export function codeBlock(text: string, testId?: string): TemplateResult {
  return html`<pre class="code-block" data-testid=${testId ?? nothing}><code>${text}</code></pre>`;
}
