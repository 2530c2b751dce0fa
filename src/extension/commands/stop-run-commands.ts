/**
 * The two ways to stop a running run, each on the running run or a choice when several run:
 * Multi-LLM: Cancel Run, and Multi-LLM: Stop with Best So Far, which ends a consensus now and
 * keeps its best proposal (status provisional, scores and reasons kept).
 */
import * as vscode from 'vscode';
import type { RunSummary } from '../../shared/council-service';
import type { ExtensionServices } from '../extension-services';
import { pickRunningRun } from './pick-run';

interface StopCommand {
  command: string;
  /** The quick pick's title when several runs are running. */
  title(): string;
  filter?: (run: RunSummary) => boolean;
  /** What the log line says was requested. */
  requested: string;
  stop(services: ExtensionServices, runId: string): Promise<boolean>;
}

const STOP_COMMANDS: StopCommand[] = [
  {
    command: 'multiLlm.cancelRun',
    title: () => vscode.l10n.t('Cancel which run?'),
    requested: 'cancel',
    stop: (services, runId) => services.council.cancel(runId),
  },
  {
    command: 'multiLlm.finishRunEarly',
    title: () => vscode.l10n.t('Stop which run with its best so far?'),
    filter: (run) => run.protocol === 'consensus',
    requested: 'stop with the best so far',
    stop: (services, runId) => services.council.finishEarly(runId),
  },
];

export function registerStopRunCommands(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  for (const entry of STOP_COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(entry.command, async (runIdArg?: unknown) => {
        const runId = await pickRunningRun(services, runIdArg, {
          title: entry.title(),
          ...(entry.filter ? { filter: entry.filter } : {}),
        });
        if (!runId) return false;
        services.log.info(`run ${runId}: ${entry.requested} requested`);
        return entry.stop(services, runId);
      }),
    );
  }
}
