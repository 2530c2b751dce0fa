/**
 * A cancellable progress notification for a run started from a command: it names the phase and
 * round as they come, Cancel cancels the run, and when the run ends it offers the next step.
 */
import * as vscode from 'vscode';
import type { ConsensusResult } from '../../core/consensus-types';
import type { RunResult } from '../../shared/council-service';
import type { ExtensionServices } from '../extension-services';
import { FOCUS_PANEL_COMMAND } from '../extension-services';
import { describeProgress } from './describe-progress';
import { noticeOutcomeTexts, noticeProgressText } from './notice-text';
import { debateRoundOf } from '../../shared/run-view-state';

export async function followRunWithProgress(
  services: ExtensionServices,
  runId: string,
  title: string,
): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      progress.report({ message: describeProgress(undefined, undefined) });
      let scored = 0;
      const subscription = services.runs.onEvent((event) => {
        if (event.runId !== runId) return;
        if (event.type === 'round-scored') scored = event.signals.round;
        if (event.type === 'phase-started') {
          const round = debateRoundOf(event.phase, event.round, scored);
          progress.report({ message: describeProgress(event.phase, round) });
        }
        if (event.type === 'notice') progress.report({ message: noticeProgressText(event.notice) });
      });
      const cancelListener = token.onCancellationRequested(() => {
        services.log.info(`run ${runId}: cancelled from the progress notification`);
        void services.council.cancel(runId);
      });
      try {
        return await services.council.waitForResult(runId);
      } finally {
        subscription.dispose();
        cancelListener.dispose();
      }
    },
  );
  await showOutcome(services, runId, result);
}

function isConsensus(result: RunResult): result is ConsensusResult {
  return 'status' in result;
}

async function showOutcome(
  services: ExtensionServices,
  runId: string,
  result: RunResult,
): Promise<void> {
  if (!isConsensus(result)) return;
  const openPanel = vscode.l10n.t('Open Panel');
  if (result.status === 'failed' || result.product === undefined) {
    // The reason quotes vendors and models (error texts, key names): it goes to the panel and
    // the log as text, never into the notification, where a [x](command:…) would be a link.
    services.log.warn(`run ${runId}: failed: ${result.error?.message ?? 'no result'}`);
    const showLog = vscode.l10n.t('Show Log');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('The council run failed. The panel shows why, participant by participant.'),
      openPanel,
      showLog,
    );
    if (choice === showLog) services.log.show(true);
    if (choice === openPanel) await vscode.commands.executeCommand(FOCUS_PANEL_COMMAND);
    return;
  }
  if (result.status === 'cancelled') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The council run was cancelled.'));
    return;
  }
  const finished = vscode.l10n.t(
    'The council finished: {0} after {1} round(s).',
    result.status,
    result.roundsCompleted,
  );
  const summary = [finished, ...noticeOutcomeTexts(result.notices ?? [])].join(' ');
  if (services.runs.targetOf(runId)) {
    const showDiff = vscode.l10n.t('Show Diff');
    const apply = vscode.l10n.t('Apply');
    const choice = await vscode.window.showInformationMessage(summary, showDiff, apply, openPanel);
    if (choice === showDiff) await vscode.commands.executeCommand('multiLlm.showResultDiff', runId);
    if (choice === apply) await vscode.commands.executeCommand('multiLlm.applyResult', runId);
    if (choice === openPanel) await vscode.commands.executeCommand(FOCUS_PANEL_COMMAND);
    return;
  }
  const copy = vscode.l10n.t('Copy');
  const choice = await vscode.window.showInformationMessage(summary, openPanel, copy);
  if (choice === copy) await vscode.env.clipboard.writeText(result.product);
  if (choice === openPanel) await vscode.commands.executeCommand(FOCUS_PANEL_COMMAND);
}
