/** Multi-LLM: Cancel Run — the running run, or a choice when several are running. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { pickRunningRun } from './pick-run';

export function registerCancelRunCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.cancelRun', async (runIdArg?: unknown) => {
      const runId = await pickRunningRun(services, runIdArg, {
        title: vscode.l10n.t('Cancel which run?'),
      });
      if (!runId) return false;
      services.log.info(`run ${runId}: cancel requested`);
      return services.council.cancel(runId);
    }),
  );
}
