/** A status-bar item while any run is in flight; clicking it shows the Council panel. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { FOCUS_PANEL_COMMAND } from '../extension-services';
import { describeProgress } from './describe-progress';

export function registerRunStatusBar(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  const item = vscode.window.createStatusBarItem(
    'multiLlm.running',
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = vscode.l10n.t('Multi-LLM council run');
  item.command = FOCUS_PANEL_COMMAND;
  const update = (): void => {
    const running = [...services.runs.runningRuns.values()];
    if (running.length === 0) {
      item.hide();
      return;
    }
    const latest = running[running.length - 1] ?? {};
    const progress = describeProgress(latest.phase, latest.round);
    item.text =
      running.length === 1
        ? `$(loading~spin) ${vscode.l10n.t('Council: {0}', progress)}`
        : `$(loading~spin) ${vscode.l10n.t('Council: {0} runs', running.length)}`;
    item.tooltip = vscode.l10n.t('A council run is in progress. Click to show the panel.');
    item.show();
  };
  context.subscriptions.push(
    item,
    services.runs.onStateChange(update),
    services.runs.onEvent((event) => {
      if (event.type === 'phase-started') update();
    }),
  );
  update();
}
