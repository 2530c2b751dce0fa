/**
 * "Try with simulated participants": the scripted council of src/providers/simulated/ on a
 * sample function, opened in an untitled editor (never a file of the user's) and selected, so
 * the demo runs the whole product: the live debate, the diff and Apply. No key, no network.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { captureSelection } from '../run/selection-target';
import { startSelectionRun } from '../run/start-runs';
import {
  SIMULATED_DEMO_FILE,
  SIMULATED_DEMO_SELECTION,
  SIMULATED_DEMO_TASK,
  simulatedParticipantSpecs,
} from '../../providers/simulated/simulated-provider';

export async function trySimulatedCouncil(
  services: ExtensionServices,
): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument({
    content: SIMULATED_DEMO_FILE,
    language: 'typescript',
  });
  // The panel keeps the focus: the user clicked there and watches the debate there.
  const editor = await vscode.window.showTextDocument(document, {
    preview: true,
    preserveFocus: true,
  });
  const start = document.positionAt(SIMULATED_DEMO_FILE.indexOf(SIMULATED_DEMO_SELECTION));
  const end = document.positionAt(
    SIMULATED_DEMO_FILE.indexOf(SIMULATED_DEMO_SELECTION) + SIMULATED_DEMO_SELECTION.length,
  );
  editor.selection = new vscode.Selection(start, end);
  const target = captureSelection(editor);
  if (!target) return undefined;
  services.log.info('starting the simulated council (scripted participants, no model is called)');
  return startSelectionRun(
    services,
    target,
    SIMULATED_DEMO_TASK,
    'panel',
    simulatedParticipantSpecs(),
  );
}
