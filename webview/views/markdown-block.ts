/**
 * Untrusted model text as sanitised markdown, rendered by a Lit directive that re-parses only
 * when its source changed (a streaming update elsewhere leaves the block's nodes untouched).
 * Each block renders at most MAX_MARKDOWN_CHARS as markdown: pathological input (thousands of
 * nested brackets or emphasis markers) made markdown-it and layout freeze the panel for
 * seconds. The rest stays one click away as plain text, which costs nothing to lay out.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';
import { noChange } from 'lit';
import { renderMarkdown } from '../render-markdown';
import type { Localize } from '../l10n/localize';
import type { RenderContext } from './render-context';

export const MAX_MARKDOWN_CHARS = 8_000;

class MarkdownDirective extends Directive {
  private source: string | undefined;
  private locale: Localize | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('markdown() goes in a child position');
  }

  render(source: string, t: Localize): DocumentFragment {
    return renderMarkdown(source, t);
  }

  override update(_part: unknown, [source, t]: [string, Localize]): unknown {
    if (source === this.source && t === this.locale) return noChange;
    this.source = source;
    this.locale = t;
    return this.render(source, t);
  }
}

const markdownDirective = directive(MarkdownDirective);

/** The rest of an over-long block, on demand, as plain text (a native, stateless <details>). */
export function plainRest(
  full: string,
  shown: number,
  t: Localize,
): TemplateResult | typeof nothing {
  if (full.length <= shown) return nothing;
  return html`<details class="capped-rest" data-testid="capped-rest">
    <summary>
      ${t('cappedShowAll', shown.toLocaleString('en-US'), full.length.toLocaleString('en-US'))}
    </summary>
    <pre class="code-block plain-rest">${full}</pre>
  </details>`;
}

export function markdownBlock(
  source: string,
  context: RenderContext,
  className = 'markdown',
  testId?: string,
): TemplateResult {
  const shown = source.length > MAX_MARKDOWN_CHARS ? source.slice(0, MAX_MARKDOWN_CHARS) : source;
  // No whitespace around the parts: it would become text in the block.
  return html`<div class=${className} data-testid=${testId ?? nothing}>
    ${markdownDirective(shown, context.t)}${plainRest(source, shown.length, context.t)}
  </div>`;
}
