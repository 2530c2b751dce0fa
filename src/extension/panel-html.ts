/**
 * The panel's HTML with its Content Security Policy. Pure (no 'vscode' import) so the extension
 * host and the browser tests build the very same page. The nonce comes from the caller, which
 * draws it from `crypto` (docs/STYLE.md, "Explicit webview lifecycle"); it is checked here because it is pasted into the CSP.
 */
/** The side-bar view or the wide editor-area panel; the same bundle renders both. */
export type PanelViewKind = 'sidebar' | 'editor';

export interface PanelHtmlOptions {
  /** `webview.cspSource` in VS Code; the test server's origin in the browser tests. */
  cspSource: string;
  nonce: string;
  panelScriptUri: string;
  styleUris: string[];
  locale: string;
  title: string;
  view?: PanelViewKind;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/=_-]{16,128}$/;
// VS Code's webview.cspSource is "'self' https://*.vscode-cdn.net" (1.101); the browser tests
// pass "http://127.0.0.1:PORT". Only 'self' and scheme/host sources are accepted: never a
// keyword such as 'unsafe-inline', a ';' or a bare '*', which would widen the policy.
const CSP_SOURCE_PATTERN = /^(?:'self'|[A-Za-z][A-Za-z0-9+.-]*:[^\s;,'"]+)$/;

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    // Model output never becomes a form or a <base> (the markdown sanitiser drops both); the
    // policy says so too, so a sanitiser bug cannot post data away or re-point relative URLs.
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function buildPanelHtml(options: PanelHtmlOptions): string {
  if (!NONCE_PATTERN.test(options.nonce)) {
    throw new Error('buildPanelHtml: the nonce must be 16+ base64/hex characters from crypto');
  }
  for (const source of options.cspSource.trim().split(/\s+/)) {
    if (!CSP_SOURCE_PATTERN.test(source)) {
      throw new Error('buildPanelHtml: cspSource is not a CSP source expression');
    }
  }
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  const nonce = escapeAttribute(options.nonce);
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(options.locale) ? options.locale : 'en';
  const styles = options.styleUris
    .map((uri) => `    <link rel="stylesheet" href="${escapeAttribute(uri)}" />`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(lang)}">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
${styles}
    <title>${escapeAttribute(options.title)}</title>
  </head>
  <body data-view="${options.view === 'editor' ? 'editor' : 'sidebar'}">
    <main id="app" aria-live="off"></main>
    <script type="module" nonce="${nonce}" src="${escapeAttribute(options.panelScriptUri)}"></script>
  </body>
</html>
`;
}
