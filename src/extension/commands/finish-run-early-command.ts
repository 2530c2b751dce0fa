/**
 * Multi-LLM: Stop with Best So Far — ends the running consensus now and keeps its best proposal
 * (status provisional, scores and reasons kept); a choice when several are running.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { pickRunningRun } from './pick-run';

export function registerFinishRunEarlyCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.finishRunEarly', async (runIdArg?: unknown) => {
      const runId = await pickRunningRun(services, runIdArg, {
        title: vscode.l10n.t('Stop which run with its best so far?'),
        filter: (run) => run.protocol === 'consensus',
      });
      if (!runId) return false;
      services.log.info(`run ${runId}: stop with the best so far requested`);
      return services.council.finishEarly(runId);
    }),
  );
}
