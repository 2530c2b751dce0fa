/**
 * Starting runs from the host (commands and the panel share these): a code run on a captured
 * selection, or a text run on any task. The selection target is registered before the first
 * snapshot can ask for it.
 */
import * as vscode from 'vscode';
import type { RunOrigin } from '../../shared/council-service';
import type { ConsensusInput } from '../../core/consensus-types';
import { newRunId } from '../../core/run-id';
import type { ExtensionServices } from '../extension-services';
import type { SelectionTarget } from './selection-target';

export async function startSelectionRun(
  services: ExtensionServices,
  target: SelectionTarget,
  instruction: string,
  origin: RunOrigin,
): Promise<string> {
  const input: ConsensusInput = {
    task: instruction,
    outputKind: 'code',
    context: {
      selection: target.text,
      filePath: target.path,
      languageId: target.languageId,
      ...(target.surrounding
        ? {
            extra: `The selection in its file (the selection itself is marked <<<SELECTION>>>; only the selection is replaced):\n${target.surrounding}`,
          }
        : {}),
    },
  };
  return startRun(services, input, origin, target);
}

export async function startTextRun(
  services: ExtensionServices,
  task: string,
  origin: RunOrigin,
): Promise<string> {
  return startRun(services, { task, outputKind: 'text' }, origin, undefined);
}

export async function startRun(
  services: ExtensionServices,
  input: ConsensusInput,
  origin: RunOrigin,
  target: SelectionTarget | undefined,
): Promise<string> {
  // A host-chosen run id lets the target be known before the run's first event arrives.
  const runId = input.runId ?? newRunId();
  if (target) services.runs.registerTarget(runId, target);
  services.log.info(
    `starting ${input.outputKind} run ${runId} from ${origin}${target ? ` on ${target.label}` : ''}`,
  );
  try {
    const started = await services.council.startConsensus({ input: { ...input, runId }, origin });
    services.runs.setActiveRun(started.runId);
    if (target && started.runId !== runId) services.runs.registerTarget(started.runId, target);
    return started.runId;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`could not start run: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not start the council: {0}', message));
    throw error;
  }
}
