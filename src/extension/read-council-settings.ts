import * as vscode from 'vscode';
import type { CouncilSettings } from '../app/create-council-service';
import { parseCouncilSettings } from './parse-council-settings';

export const SETTINGS_SECTION = 'multiLlm';

/**
 * Settings a repository must not steer (docs/SECURITY.md): what the council is told to be
 * (personas), what it may spend, where transcripts of your code are written, and where keys are
 * sent. package.json scopes them `application`; this reads only the user's own value too, so a
 * workspace's .vscode/settings.json is ignored even where an editor honours it.
 */
export const USER_ONLY_SETTINGS: ReadonlySet<string> = new Set([
  'personas',
  'budget.maxCostUsd',
  'budget.maxTotalTokens',
  'transcripts.saveInWorkspace',
  'openai.baseUrl',
  'anthropic.baseUrl',
  'google.baseUrl',
  'openaiCompatible.endpoints',
  'prices',
]);

export function readSetting<T>(
  configuration: vscode.WorkspaceConfiguration,
  key: string,
): T | undefined {
  if (!USER_ONLY_SETTINGS.has(key)) return configuration.get<T>(key);
  const values = configuration.inspect<T>(key);
  return values?.globalValue ?? values?.defaultValue;
}

/** Read fresh at each run (the council calls this), so edits apply without a reload. */
export function readCouncilSettings(): CouncilSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return parseCouncilSettings((key) => readSetting<unknown>(configuration, key));
}
