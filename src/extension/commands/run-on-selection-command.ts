/** Multi-LLM: Run Consensus on Selection — the main entry (also in the editor context menu). */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { showPanelKeepingFocus } from '../panel/show-panel-keeping-focus';
import { captureSelection } from '../run/selection-target';
import { askInstruction } from '../run/ask-instruction';
import { startSelectionRun } from '../run/start-runs';
import { followRunWithProgress } from '../run/follow-run-with-progress';
import { chromeText } from '../notify/chrome-text';

export function registerRunOnSelectionCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.runOnSelection', async (instructionArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      // Captured before the instruction prompt: what the user selected when they asked.
      const target = editor ? captureSelection(editor) : undefined;
      if (!target) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Select the code or text the council should work on, then run this again.'),
        );
        return undefined;
      }
      const instruction =
        typeof instructionArg === 'string' && instructionArg.trim() !== ''
          ? instructionArg.trim()
          : await askInstruction(services.recentInstructions, {
              title: vscode.l10n.t('Run Consensus on {0}', chromeText(target.label)),
              placeholder: vscode.l10n.t(
                'What should the council do with the selection? (Enter to start)',
              ),
            });
      if (!instruction) return undefined;
      await services.recentInstructions.remember(instruction);
      const runId = await startSelectionRun(services, target, instruction, 'command');
      showPanelKeepingFocus();
      void followRunWithProgress(
        services,
        runId,
        vscode.l10n.t('Council on {0}', chromeText(target.label)),
      ).catch((error: unknown) => services.log.error(`run ${runId}: ${String(error)}`));
      return runId;
    }),
  );
}
