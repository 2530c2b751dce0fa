/**
 * Multi-LLM: Stop with Best So Far — ends the running consensus now and keeps its best proposal
 * (status provisional, scores and reasons kept); a choice when several are running.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { pickRun } from './pick-run';

export function registerFinishRunEarlyCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.finishRunEarly', async (runIdArg?: unknown) => {
      const running = [...services.runs.runningRuns.keys()];
      let runId = typeof runIdArg === 'string' ? runIdArg : undefined;
      if (!runId && running.length === 1) runId = running[0];
      if (!runId && running.length > 1) {
        runId = (
          await pickRun(services, {
            title: vscode.l10n.t('Stop which run with its best so far?'),
            filter: (run) => running.includes(run.runId) && run.protocol === 'consensus',
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
      services.log.info(`run ${runId}: stop with the best so far requested`);
      return services.council.finishEarly(runId);
    }),
  );
}
