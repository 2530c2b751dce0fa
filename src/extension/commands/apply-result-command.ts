/** Multi-LLM: Apply Consensus Result / Show Result Diff — for the active run unless given one. */
import * as vscode from 'vscode';
import type { ConsensusResult } from '../../core/consensus-types';
import type { ExtensionServices } from '../extension-services';
import { applyConsensusResult } from '../apply/apply-consensus-result';
import { showResultDiff } from '../apply/show-result-diff';
import { locateOriginalText } from '../apply/locate-original-text';
import { fitProductToSelection } from '../apply/fit-product-to-selection';

function runIdFrom(services: ExtensionServices, arg: unknown): string | undefined {
  return typeof arg === 'string' ? arg : services.runs.activeRunId;
}

export async function showDiffForRun(services: ExtensionServices, runId: string): Promise<boolean> {
  const target = services.runs.targetOf(runId);
  const result = await services.council.getResult(runId);
  const product = result && 'product' in result ? (result as ConsensusResult).product : undefined;
  if (!target || product === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This run has no code result to compare; the panel shows its text result.'),
    );
    return false;
  }
  // Left side: the text as it is in the document now when it is still there, so the diff is
  // what Apply would really change.
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const located = locateOriginalText(target, {
    text: document.getText(),
    version: document.version,
  });
  const suffix = located.kind === 'not-found' ? vscode.l10n.t('selection since edited') : undefined;
  await showResultDiff(
    services,
    runId,
    target,
    fitProductToSelection(target.text, product),
    target.text,
    suffix,
  );
  return true;
}

export function registerApplyResultCommands(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.applyResult', async (runIdArg?: unknown) => {
      const runId = runIdFrom(services, runIdArg);
      if (!runId) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No council result to apply.'));
        return 'not-applicable';
      }
      return applyConsensusResult(services, runId);
    }),
    vscode.commands.registerCommand('multiLlm.showResultDiff', async (runIdArg?: unknown) => {
      const runId = runIdFrom(services, runIdArg);
      if (!runId) return false;
      return showDiffForRun(services, runId);
    }),
  );
}
