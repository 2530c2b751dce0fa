/**
 * Builds DOM nodes from data. Text always goes in through textContent: nothing here ever
 * parses a string as HTML (sanitised markdown arrives as ready-made nodes).
 */
export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  testId?: string;
  /** Attributes set verbatim (never on*, never style: the CSP forbids inline style anyway). */
  attrs?: Record<string, string | undefined>;
  text?: string;
  onClick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testId) element.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && !/^on/i.test(name) && name !== 'style') {
      element.setAttribute(name, value);
    }
  }
  if (props.text !== undefined) element.textContent = props.text;
  const onClick = props.onClick;
  if (onClick) element.addEventListener('click', (event) => onClick(event as MouseEvent));
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Code and other untrusted plain text: a <pre><code> filled through textContent. */
export function codeBlock(text: string, testId?: string): HTMLPreElement {
  const pre = h('pre', { className: 'code-block', ...(testId ? { testId } : {}) });
  pre.appendChild(h('code', { text }));
  return pre;
}
