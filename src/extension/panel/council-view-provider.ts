/**
 * The Council panel (WebviewView). The host owns the state: nothing is posted before the
 * view says `ready`; then it gets a full snapshot, and after that the live events of the
 * active run plus a new snapshot whenever anything else changes. The view is not retained
 * while hidden, so a panel closed and reopened mid-run rebuilds from a snapshot and keeps
 * streaming (issue 4, acceptance 4).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { HostToWebviewMessage } from '../../shared/host-to-webview';
import type { ExtensionServices } from '../extension-services';
import { PANEL_VIEW_ID } from '../extension-services';
import { buildPanelHtml } from '../panel-html';
import { dispatchWebviewMessage } from './dispatch-webview-message';
import { preparePanelSnapshot } from './build-panel-snapshot';
import { createPanelMessageHandlers } from './panel-message-handlers';

export class CouncilViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private snapshotInFlight = false;
  private snapshotDirty = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly services: ExtensionServices,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      services.runs.onEvent((event) => {
        if (event.runId === services.runs.activeRunId) {
          this.post({ type: 'run-event', runId: event.runId, event });
        }
      }),
      services.runs.onStateChange(() => this.queueSnapshot()),
      services.credentials.onDidChange(() => this.queueSnapshot()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('multiLlm')) this.queueSnapshot();
      }),
      vscode.lm.onDidChangeChatModels(() => this.queueSnapshot()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const assets = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [assets],
    };
    const asset = (name: string): string =>
      view.webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString();
    view.webview.html = buildPanelHtml({
      cspSource: view.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      panelScriptUri: asset('panel.js'),
      styleUris: [asset('diff2html.min.css'), asset('panel.css')],
      locale: vscode.env.language,
      title: vscode.l10n.t('Council'),
    });
    const handlers = createPanelMessageHandlers(this.services, {
      onReady: () => {
        this.ready = true;
        this.queueSnapshot();
      },
    });
    const messageListener = view.webview.onDidReceiveMessage((raw: unknown) => {
      void dispatchWebviewMessage(raw, handlers, this.services.log);
    });
    view.onDidDispose(() => {
      messageListener.dispose();
      if (this.view === view) {
        this.view = undefined;
        this.ready = false;
      }
    });
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
  }

  /** Coalesces bursts of state changes into one snapshot, and never drops the last change. */
  private queueSnapshot(): void {
    if (!this.ready) return;
    if (this.snapshotInFlight) {
      this.snapshotDirty = true;
      return;
    }
    this.snapshotInFlight = true;
    this.snapshotDirty = false;
    void preparePanelSnapshot(this.services)
      .then((complete) => this.post({ type: 'snapshot', snapshot: complete() }))
      .catch((error: unknown) => {
        this.services.log.error(`panel snapshot failed: ${String(error)}`);
      })
      .finally(() => {
        this.snapshotInFlight = false;
        if (this.snapshotDirty) this.queueSnapshot();
      });
  }

  private post(message: HostToWebviewMessage): void {
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function registerCouncilView(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): CouncilViewProvider {
  const provider = new CouncilViewProvider(services, context.extensionUri);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, provider, {
      webviewOptions: { retainContextWhenHidden: false },
    }),
  );
  return provider;
}
