/**
 * Model output is untrusted. Markdown is rendered with raw HTML off, then sanitised again with
 * DOMPurify (defence in depth): no images at all (a remote image is a network request and a
 * tracking beacon), no frames, forms, SVG or MathML, and only http(s)/mailto links, which never
 * navigate the panel (clicks are intercepted; the address is shown as text).
 */
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';
import type { Localize } from './l10n/localize';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Images never render: `![x](https://…)` and reference-style images become plain text.
markdown.disable(['image']);

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const PURIFY_CONFIG = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOWED_URI_REGEXP: SAFE_LINK,
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true as const,
};

const cache = new Map<string, DocumentFragment>();
const CACHE_LIMIT = 300;

/** A sanitised fragment for `source` (a fresh clone each call; render output is cached). */
export function renderMarkdown(source: string, t: Localize): DocumentFragment {
  const key = source;
  let fragment = cache.get(key);
  if (!fragment) {
    fragment = DOMPurify.sanitize(markdown.render(source), PURIFY_CONFIG);
    for (const link of Array.from(fragment.querySelectorAll('a'))) neutraliseLink(link, t);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, fragment);
  }
  return fragment.cloneNode(true) as DocumentFragment;
}

function neutraliseLink(link: HTMLAnchorElement, t: Localize): void {
  const href = link.getAttribute('href') ?? '';
  if (!SAFE_LINK.test(href)) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('title', t('linkTitle', href));
  link.setAttribute('rel', 'noopener noreferrer nofollow');
  link.classList.add('external-link');
  if (link.textContent !== href) {
    link.after(document.createTextNode(` <${href}>`));
  }
}

/** Markdown links in the panel never navigate it (installed once on the document). */
export function interceptLinkClicks(root: Document): void {
  const stop = (event: Event): void => {
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    if (target) event.preventDefault();
  };
  root.addEventListener('click', stop, true);
  root.addEventListener('auxclick', stop, true);
}
