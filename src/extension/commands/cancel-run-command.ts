/** Multi-LLM: Cancel Run — the running run, or a choice when several are running. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { pickRun } from './pick-run';

export function registerCancelRunCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.cancelRun', async (runIdArg?: unknown) => {
      const running = [...services.runs.runningRuns.keys()];
      let runId = typeof runIdArg === 'string' ? runIdArg : undefined;
      if (!runId && running.length === 1) runId = running[0];
      if (!runId && running.length > 1) {
        runId = (
          await pickRun(services, {
            title: vscode.l10n.t('Cancel which run?'),
            filter: (run) => running.includes(run.runId),
          })
        )?.runId;
      }
      if (!runId) {
        if (running.length === 0) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('No council run is in progress.'),
          );
        }
        return false;
      }
      services.log.info(`run ${runId}: cancel requested`);
      return services.council.cancel(runId);
    }),
  );
}
