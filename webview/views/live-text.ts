/**
 * Text that grows while it streams, kept in one Text node that this directive owns. A value
 * that extends the previous one is appended (appendData): a selection or caret inside the
 * text the user already sees stays where it is, which replacing the node's whole data would
 * not allow (the DOM collapses ranges inside replaced data). Anything else replaces the data.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

class LiveTextDirective extends Directive {
  private node: Text | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('liveText() goes in a child position');
  }

  render(text: string): Text {
    this.node = document.createTextNode(text);
    return this.node;
  }

  override update(_part: unknown, [text]: [string]): unknown {
    const node = this.node;
    if (!node) return this.render(text);
    const current = node.data;
    if (text === current) return noChange;
    if (text.startsWith(current)) node.appendData(text.slice(current.length));
    else node.data = text;
    return noChange;
  }
}

export const liveText = directive(LiveTextDirective);
