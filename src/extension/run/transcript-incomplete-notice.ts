/**
 * Tells the user, once per run, that its transcript could not be fully written (a full disk):
 * a fixed localised warning with Open Panel / Show Log. The panel marks the run from the same
 * event (its state's transcriptIncomplete); the log has the file system's own error.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { FOCUS_PANEL_COMMAND } from '../extension-services';

export function registerTranscriptIncompleteNotice(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  const told = new Set<string>();
  context.subscriptions.push(
    services.runs.onEvent((event) => {
      if (event.type !== 'transcript-incomplete' || told.has(event.runId)) return;
      told.add(event.runId);
      void showNotice(services);
    }),
  );
}

async function showNotice(services: ExtensionServices): Promise<void> {
  const openPanel = vscode.l10n.t('Open Panel');
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'A council run could not write all of its transcript (is the disk full?). The run goes on; its history and export will miss records.',
    ),
    openPanel,
    showLog,
  );
  if (choice === showLog) services.log.show(true);
  if (choice === openPanel) await vscode.commands.executeCommand(FOCUS_PANEL_COMMAND);
}
