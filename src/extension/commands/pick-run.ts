/** A quick pick over the run history (newest first), shared by history, export and cancel. */
import * as vscode from 'vscode';
import type { RunSummary } from '../../shared/council-service';
import type { ExtensionServices } from '../extension-services';
import { chromeText } from '../notify/chrome-text';

export async function pickRun(
  services: ExtensionServices,
  options: { title: string; filter?: (run: RunSummary) => boolean },
): Promise<RunSummary | undefined> {
  const runs = (await services.council.listRuns())
    .filter(options.filter ?? (() => true))
    .sort((a, b) => b.startedAt - a.startedAt);
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No council runs yet.'));
    return undefined;
  }
  // Titles come from whoever started the run (an MCP agent's model too), names from settings.
  const items = runs.map((run) => ({
    label: chromeText(run.title.split('\n')[0] || run.runId),
    description: chromeText(run.outcome ?? run.state),
    detail: chromeText(
      `${new Date(run.startedAt).toLocaleString()} · ${run.participants
        .map((p) => p.displayName)
        .join(', ')} · ${run.origin}`,
      200,
    ),
    run,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    matchOnDetail: true,
  });
  return picked?.run;
}

/**
 * The running run a command acts on: the one given, the only one running, or a choice among
 * the running ones (`filter` narrows it). Says so when nothing is running.
 */
export async function pickRunningRun(
  services: ExtensionServices,
  runIdArg: unknown,
  options: { title: string; filter?: (run: RunSummary) => boolean },
): Promise<string | undefined> {
  const running = [...services.runs.runningRuns.keys()];
  let runId = typeof runIdArg === 'string' ? runIdArg : undefined;
  if (!runId && running.length === 1) runId = running[0];
  if (!runId && running.length > 1) {
    const filter = options.filter ?? (() => true);
    runId = (
      await pickRun(services, {
        title: options.title,
        filter: (run) => running.includes(run.runId) && filter(run),
      })
    )?.runId;
  }
  if (!runId && running.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No council run is in progress.'));
  }
  return runId;
}
