/**
 * One webview showing the Council panel: the side-bar view or the editor-area "Open Debate in
 * Editor" panel. Both load the same bundle with the same CSP page and get the same messages
 * (snapshots and the active run's events), so they always show the same run. Nothing is posted
 * before the webview says `ready`.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { HostToWebviewMessage } from '../../shared/host-to-webview';
import type { ExtensionServices } from '../extension-services';
import { buildPanelHtml, type PanelViewKind } from '../panel-html';
import { dispatchWebviewMessage } from './dispatch-webview-message';
import { createPanelMessageHandlers } from './panel-message-handlers';

export interface PanelWebviewConnection {
  readonly ready: boolean;
  post(message: HostToWebviewMessage): void;
  dispose(): void;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export function connectPanelWebview(
  services: ExtensionServices,
  extensionUri: vscode.Uri,
  webview: vscode.Webview,
  view: PanelViewKind,
  onReady: () => void,
): PanelWebviewConnection {
  let ready = false;
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = webviewOptions(extensionUri);
  const asset = (name: string): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString();
  webview.html = buildPanelHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
    panelScriptUri: asset('panel.js'),
    styleUris: [asset('diff2html.min.css'), asset('panel.css')],
    locale: vscode.env.language,
    title: vscode.l10n.t('Council'),
    view,
  });
  const handlers = createPanelMessageHandlers(services, {
    onReady: () => {
      ready = true;
      onReady();
    },
  });
  const listener = webview.onDidReceiveMessage((raw: unknown) => {
    void dispatchWebviewMessage(raw, handlers, services.log);
  });
  return {
    get ready() {
      return ready;
    },
    post(message) {
      if (ready) void webview.postMessage(message);
    },
    dispose() {
      ready = false;
      listener.dispose();
    },
  };
}
