import * as vscode from 'vscode';
import type { CouncilSettings } from '../app/create-council-service';
import { parseCouncilSettings } from './parse-council-settings';

export const SETTINGS_SECTION = 'multiLlm';

/** Read fresh at each run (the council calls this), so edits apply without a reload. */
export function readCouncilSettings(): CouncilSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return parseCouncilSettings((key) => configuration.get<unknown>(key));
}
