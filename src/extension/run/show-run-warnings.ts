/**
 * The editor's side of a run's start warnings (src/shared/model-note.ts): one fixed, localised
 * notification that names no model and quotes no vendor text, with a button that opens the
 * setting to change. The details (each participant and why) go to the log and the panel.
 */
import * as vscode from 'vscode';
import type { ModelNote } from '../../shared/model-note';
import type { ExtensionServices } from '../extension-services';

export function showRunWarnings(services: ExtensionServices, notes: ModelNote[] | undefined): void {
  if (!notes || notes.length === 0) return;
  const lifecycle = notes.some((note) => note.kind !== 'unpriced');
  const unpriced = notes.some((note) => note.kind === 'unpriced');
  const message =
    lifecycle && unpriced
      ? vscode.l10n.t(
          'Some council models are deprecated, retired or unknown to their vendor, and some have no known price (held to a token budget). The log has the details.',
        )
      : lifecycle
        ? vscode.l10n.t(
            'Some council models are deprecated, retired or unknown to their vendor. Change multiLlm.participants; the log has the details.',
          )
        : vscode.l10n.t(
            'Some council models have no known price, so the cost budget holds them to a token budget. Add their prices in multiLlm.prices; the log has the details.',
          );
  const openSetting = vscode.l10n.t('Open Setting');
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showWarningMessage(message, openSetting, showLog).then((choice) => {
    if (choice === openSetting) {
      const setting = lifecycle ? 'multiLlm.participants' : 'multiLlm.prices';
      void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    }
    if (choice === showLog) services.log.show(true);
  });
}
