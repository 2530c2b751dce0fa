/** The built-in diff editor: the text a run replaces (left) against the council's product. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import type { SelectionTarget } from '../run/selection-target';
import { chromeText } from '../notify/chrome-text';

export async function showResultDiff(
  services: ExtensionServices,
  runId: string,
  target: SelectionTarget,
  product: string,
  originalText: string = target.text,
  titleSuffix?: string,
): Promise<void> {
  const fileName = target.path.split('/').pop() ?? 'selection';
  const left = services.resultDocuments.put(runId, 'original', originalText, fileName);
  const right = services.resultDocuments.put(runId, 'proposed', product, fileName);
  const title =
    vscode.l10n.t('{0} ↔ council result', chromeText(target.label)) +
    (titleSuffix ? ` (${titleSuffix})` : '');
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
}
