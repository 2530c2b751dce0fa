/** Multi-LLM: Open Run History — pick a past run and show it in the Council panel. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { FOCUS_PANEL_COMMAND } from '../extension-services';
import { pickRun } from './pick-run';

export function registerOpenHistoryCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.openHistory', async () => {
      const run = await pickRun(services, { title: vscode.l10n.t('Council run history') });
      if (!run) return;
      services.runs.setActiveRun(run.runId);
      await vscode.commands.executeCommand(FOCUS_PANEL_COMMAND);
    }),
  );
}
