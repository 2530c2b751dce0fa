import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './render-context';

/**
 * A <details> whose open state is the user's: Lit keeps the element across updates, and the
 * key is remembered so a view rebuilt from a snapshot opens the same sections again.
 */
export function collapsible(
  context: RenderContext,
  key: string,
  summary: unknown,
  body: unknown,
  className = 'collapsible',
  testId?: string,
): TemplateResult {
  const onToggle = (event: Event): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (details.open) context.ui.openDetails.add(key);
    else context.ui.openDetails.delete(key);
  };
  return html`<details
    class=${className}
    data-key=${key}
    data-testid=${testId ?? nothing}
    .open=${context.ui.openDetails.has(key)}
    @toggle=${onToggle}
  >
    <summary>${summary}</summary>
    ${body}
  </details>`;
}

/** Code and other untrusted plain text: a <pre><code> whose text is a Lit text binding. */
export function codeBlock(text: string, testId?: string): TemplateResult {
  return html`<pre class="code-block" data-testid=${testId ?? nothing}><code>${text}</code></pre>`;
}
