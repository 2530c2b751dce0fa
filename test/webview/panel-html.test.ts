import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildPanelHtml } from '../../src/extension/panel-html';

describe('buildPanelHtml (the CSP page shared by the host and the browser tests)', () => {
  const base = {
    // What VS Code 1.101's webview.cspSource returns.
    cspSource: "'self' https://*.vscode-cdn.net",
    nonce: randomBytes(16).toString('base64'),
    panelScriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js',
    styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.css'],
    locale: 'ja',
    title: 'Council',
  };

  it('allows only nonce’d scripts and our own styles, fonts and images', () => {
    const html = buildPanelHtml(base);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-${base.nonce}'; style-src ${base.cspSource}; font-src ${base.cspSource}; img-src ${base.cspSource} data:; form-action 'none'; base-uri 'none'`.replace(
        /'/g,
        '&#39;',
      ),
    );
    assert.doesNotMatch(html, /unsafe-(inline|eval)/);
    // The one script (panel.js, which bundles the toolkit) is an external module carrying the
    // nonce; no inline script at all.
    const scripts = html.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
    assert.equal(scripts.length, 1);
    for (const script of scripts) {
      assert.match(
        script,
        new RegExp(`type="module" nonce="${base.nonce.replace(/[+/]/g, '\\$&')}" src="https://`),
      );
      assert.match(script, /><\/script>$/);
    }
    assert.match(html, /<html lang="ja">/);
    assert.match(
      html,
      /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource[^"]*panel\.css" \/>/,
    );
  });

  it('refuses a weak or injected nonce and a CSP source that could widen the policy', () => {
    assert.throws(() => buildPanelHtml({ ...base, nonce: 'abc' }), /nonce/);
    assert.throws(
      () => buildPanelHtml({ ...base, nonce: `${base.nonce}' 'unsafe-inline` }),
      /nonce/,
    );
    assert.throws(() => buildPanelHtml({ ...base, cspSource: "'unsafe-inline'" }), /cspSource/);
    assert.throws(() => buildPanelHtml({ ...base, cspSource: '* ; script-src *' }), /cspSource/);
  });

  it('escapes the title, the asset URIs and an odd locale', () => {
    const html = buildPanelHtml({
      ...base,
      title: '</title><script>alert(1)</script>',
      styleUris: ['https://x/"><script>alert(1)</script>'],
      locale: '"><script>',
    });
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<html lang="en">/);
  });
});
