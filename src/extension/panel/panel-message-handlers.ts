/** What each (already validated) panel message does in the host. */
import * as vscode from 'vscode';
import type { ConsensusInput, ConsensusResult } from '../../core/consensus-types';
import type { ExtensionServices } from '../extension-services';
import { OPEN_IN_EDITOR_COMMAND } from '../extension-services';
import type { WebviewMessageHandlers } from './dispatch-webview-message';

type Handlers<K extends keyof WebviewMessageHandlers> = Pick<WebviewMessageHandlers, K>;
import { captureSelection } from '../run/selection-target';
import { startRun, startSelectionRun } from '../run/start-runs';
import { applyConsensusResult } from '../apply/apply-consensus-result';
import { showDiffForRun } from '../commands/apply-result-command';
import { exportRun } from '../commands/export-run-command';
import { setApiKeyFlow } from '../commands/set-api-key-command';
import { trySimulatedCouncil } from './try-simulated-council';

async function productOf(services: ExtensionServices, runId: string): Promise<string | undefined> {
  const result = await services.council.getResult(runId);
  return result && 'product' in result ? (result as ConsensusResult).product : undefined;
}

/** Starting, stopping and re-running runs. */
function runHandlers(
  services: ExtensionServices,
): Handlers<'start-run' | 'try-simulated' | 'cancel-run' | 'finish-early' | 'open-run' | 'rerun'> {
  return {
    'start-run': async (message) => {
      await services.recentInstructions.remember(message.task);
      if (message.useSelection) {
        const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
        const target = editor ? captureSelection(editor) : undefined;
        if (!target) {
          services.runs.notify({
            kind: 'warning',
            text: vscode.l10n.t('Select code in an editor first, or turn off “use selection”.'),
          });
          return;
        }
        await startSelectionRun(services, target, message.task, 'panel');
        return;
      }
      await startRun(
        services,
        { task: message.task, outputKind: message.outputKind },
        'panel',
        undefined,
      );
    },
    'try-simulated': async () => {
      await trySimulatedCouncil(services);
    },
    'cancel-run': async (message) => {
      services.log.info(`run ${message.runId}: cancel requested from the panel`);
      await services.council.cancel(message.runId);
    },
    'finish-early': async (message) => {
      services.log.info(`run ${message.runId}: stop with the best so far requested from the panel`);
      await services.council.finishEarly(message.runId);
    },
    'open-run': (message) => services.runs.setActiveRun(message.runId),
    rerun: async (message) => {
      const records = await services.council.readTranscript(message.runId);
      const started = records.find((record) => record.type === 'run-started');
      if (!started || started.type !== 'run-started' || started.protocol !== 'consensus') {
        services.runs.notify({
          kind: 'error',
          text: vscode.l10n.t('This run cannot be re-run: its transcript has no consensus input.'),
        });
        return;
      }
      const { runId: _old, seed: _seed, ...input } = started.input as ConsensusInput;
      await startRun(services, input, 'panel', services.runs.targetOf(message.runId));
    },
  };
}

/** What the user does with a finished run's result. */
function resultHandlers(
  services: ExtensionServices,
): Handlers<
  'export-run' | 'apply-result' | 'copy-result' | 'open-draft' | 'discard-result' | 'show-diff'
> {
  return {
    'export-run': async (message) => {
      await exportRun(services, message.runId, message.format);
    },
    'apply-result': async (message) => {
      await applyConsensusResult(services, message.runId);
    },
    'copy-result': async (message) => {
      const product = await productOf(services, message.runId);
      if (product === undefined) return;
      await vscode.env.clipboard.writeText(product);
      services.runs.notify({
        kind: 'info',
        text: vscode.l10n.t('Result copied to the clipboard.'),
      });
    },
    'open-draft': async (message) => {
      const result = await services.council.getResult(message.runId);
      if (!result || !('product' in result) || typeof result.product !== 'string') return;
      const code = (result as ConsensusResult).outputKind === 'code';
      const language = code ? services.runs.targetOf(message.runId)?.languageId : 'markdown';
      // An untitled document: the draft is the user's to read, never written over their code.
      const document = await vscode.workspace.openTextDocument({
        content: result.product,
        ...(language ? { language } : {}),
      });
      await vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
    },
    'discard-result': (message) => {
      services.runs.setApplyState(message.runId, 'discarded', {
        kind: 'info',
        text: vscode.l10n.t('Result discarded. Nothing was changed.'),
      });
    },
    'show-diff': async (message) => {
      await showDiffForRun(services, message.runId);
    },
  };
}

export function createPanelMessageHandlers(
  services: ExtensionServices,
  hooks: { onReady: () => void },
): WebviewMessageHandlers {
  return {
    ready: () => hooks.onReady(),
    ...runHandlers(services),
    ...resultHandlers(services),
    'set-api-key': async (message) => {
      await setApiKeyFlow(services, message.provider);
    },
    'open-settings': async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'multiLlm');
    },
    'open-in-editor': async () => {
      await vscode.commands.executeCommand(OPEN_IN_EDITOR_COMMAND);
    },
    'show-history': async () => {
      await vscode.commands.executeCommand('multiLlm.openHistory');
    },
  };
}
