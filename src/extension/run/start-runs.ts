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
import { isConfigurationError } from '../../app/configuration-error';
import { showRunWarnings } from './show-run-warnings';

export async function startSelectionRun(
  services: ExtensionServices,
  target: SelectionTarget,
  instruction: string,
  origin: RunOrigin,
  /** `provider:model` specs instead of the configured council (the simulated demo). */
  participants?: string[],
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
  return startRun(services, input, origin, target, participants);
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
  participants?: string[],
): Promise<string> {
  // A host-chosen run id lets the target be known before the run's first event arrives.
  const runId = input.runId ?? newRunId();
  if (target) services.runs.registerTarget(runId, target);
  services.log.info(
    `starting ${input.outputKind} run ${runId} from ${origin}${target ? ` on ${target.label}` : ''}`,
  );
  try {
    const started = await services.council.startConsensus({
      input: { ...input, runId },
      origin,
      ...(participants ? { participants } : {}),
    });
    services.runs.setActiveRun(started.runId);
    showRunWarnings(services, started.warnings);
    if (target && started.runId !== runId) services.runs.registerTarget(started.runId, target);
    return started.runId;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`could not start run: ${message}`);
    // The reason can quote settings a workspace wrote (participant specs, base URLs): log only.
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showErrorMessage(
        isConfigurationError(error)
          ? vscode.l10n.t(
              'The council could not start: check the participants and API keys. The log says what is missing.',
            )
          : vscode.l10n.t('The council could not start. The log has the details.'),
        showLog,
      )
      .then((choice) => {
        if (choice === showLog) services.log.show(true);
      });
    throw error;
  }
}
