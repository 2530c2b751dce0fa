/** Multi-LLM: Run Consensus… — any task, text output. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { showPanelKeepingFocus } from '../panel/show-panel-keeping-focus';
import { askInstruction } from '../run/ask-instruction';
import { startTextRun } from '../run/start-runs';
import { followRunWithProgress } from '../run/follow-run-with-progress';

export function registerRunTaskCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.runTask', async (taskArg?: unknown) => {
      const task =
        typeof taskArg === 'string' && taskArg.trim() !== ''
          ? taskArg.trim()
          : await askInstruction(services.recentInstructions, {
              title: vscode.l10n.t('Run Consensus'),
              placeholder: vscode.l10n.t('Ask the council anything (Enter to start)'),
            });
      if (!task) return undefined;
      await services.recentInstructions.remember(task);
      const runId = await startTextRun(services, task, 'command');
      showPanelKeepingFocus();
      void followRunWithProgress(services, runId, vscode.l10n.t('Council')).catch(
        (error: unknown) => services.log.error(`run ${runId}: ${String(error)}`),
      );
      return runId;
    }),
  );
}
