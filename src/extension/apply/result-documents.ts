/**
 * Read-only virtual documents for the built-in diff editor: the original selection and the
 * council's product, under the `multi-llm-result` scheme. A TextDocumentContentProvider's
 * documents cannot be edited or saved, so the diff never becomes a second source of truth.
 */
import * as vscode from 'vscode';

export const RESULT_SCHEME = 'multi-llm-result';

export class ResultDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  /** Stores `text` and returns the URI showing it; the same run/side reuses one document. */
  put(runId: string, side: 'original' | 'proposed', text: string, fileName: string): vscode.Uri {
    const safeName = fileName.replace(/[^\w.-]/g, '_') || 'selection.txt';
    const uri = vscode.Uri.from({ scheme: RESULT_SCHEME, path: `/${runId}/${side}/${safeName}` });
    const key = uri.toString();
    const changed = this.contents.has(key) && this.contents.get(key) !== text;
    this.contents.set(key, text);
    if (changed) this.changeEmitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.contents.clear();
  }
}

export function registerResultDocuments(
  context: vscode.ExtensionContext,
  documents: ResultDocuments,
): void {
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, documents),
  );
}
