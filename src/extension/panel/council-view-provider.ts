/**
 * The Council panel: the side-bar WebviewView and, on "Open Debate in Editor", a wide
 * editor-area WebviewPanel. The host owns the state and sends every connected webview the
 * same messages: a full snapshot once it says `ready`, then the live events of the active run
 * plus a new snapshot whenever anything else changes. The side-bar view is not retained while
 * hidden, so a panel closed and reopened mid-run rebuilds from a snapshot and keeps streaming
 * (issue 4, acceptance 4).
 */
import * as vscode from 'vscode';
import type { HostToWebviewMessage } from '../../shared/host-to-webview';
import type { ExtensionServices } from '../extension-services';
import { OPEN_IN_EDITOR_COMMAND, PANEL_VIEW_ID } from '../extension-services';
import { preparePanelSnapshot } from './build-panel-snapshot';
import { connectPanelWebview, type PanelWebviewConnection } from './panel-webview-connection';

export class CouncilViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly connections = new Set<PanelWebviewConnection>();
  private editorPanel: vscode.WebviewPanel | undefined;
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

  private connect(webview: vscode.Webview, view: 'sidebar' | 'editor'): PanelWebviewConnection {
    const connection = connectPanelWebview(this.services, this.extensionUri, webview, view, () =>
      // A webview that just said `ready` needs its first snapshot even if one is in flight.
      this.queueSnapshot(true),
    );
    this.connections.add(connection);
    return connection;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    const connection = this.connect(view.webview, 'sidebar');
    view.onDidDispose(() => {
      connection.dispose();
      this.connections.delete(connection);
    });
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
  }

  /** The same run, wide, in the editor area (one such panel; asking again reveals it). */
  openInEditor(): void {
    if (this.editorPanel) {
      this.editorPanel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'multiLlm.debate',
      vscode.l10n.t('Council debate'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableFindWidget: true },
    );
    this.editorPanel = panel;
    const connection = this.connect(panel.webview, 'editor');
    panel.onDidDispose(() => {
      connection.dispose();
      this.connections.delete(connection);
      this.editorPanel = undefined;
    });
  }

  /** Coalesces bursts of state changes into one snapshot, and never drops the last change. */
  private queueSnapshot(force = false): void {
    if (![...this.connections].some((c) => c.ready)) return;
    if (this.snapshotInFlight && !force) {
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
    for (const connection of this.connections) connection.post(message);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const connection of this.connections) connection.dispose();
    this.editorPanel?.dispose();
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
    vscode.commands.registerCommand(OPEN_IN_EDITOR_COMMAND, () => provider.openInEditor()),
  );
  return provider;
}
