/**
 * The council of this window: the shared run service of src/app over SecretStorage keys, the
 * `multiLlm.*` settings (read fresh at each run), JSONL transcripts in the extension's global
 * storage (or the workspace when multiLlm.transcripts.saveInWorkspace), and the editor's own
 * models as `vscode-lm:` participants that need no key.
 */
import * as vscode from 'vscode';
import { createCouncilService } from '../app/create-council-service';
import { JsonlTranscriptStore } from '../app/jsonl-transcript-store';
import type { ParticipantStatus } from '../shared/council-service';
import type { SecretCredentials } from './secret-credentials';
import { readCouncilSettings, readSetting, SETTINGS_SECTION } from './read-council-settings';
import {
  listEditorModels,
  VscodeLmLanguageModel,
  VSCODE_LM_PROVIDER,
} from './lm/vscode-lm-language-model';
import type { LanguageModel } from '../core/language-model';
import { SIMULATED_PROVIDER_ID } from '../providers/simulated/simulated-provider';
import { createSimulatedModel } from '../providers/simulated/simulated-language-model';

export function transcriptsFolder(context: vscode.ExtensionContext): vscode.Uri {
  const inWorkspace =
    readSetting<boolean>(
      vscode.workspace.getConfiguration(SETTINGS_SECTION),
      'transcripts.saveInWorkspace',
    ) === true;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (inWorkspace && folder) return vscode.Uri.joinPath(folder.uri, '.multi-llm', 'runs');
  return vscode.Uri.joinPath(context.globalStorageUri, 'runs');
}

export function createExtensionCouncil(
  context: vscode.ExtensionContext,
  credentials: SecretCredentials,
  log: vscode.LogOutputChannel,
  /** `sampling` participants: the bridge's relay to the MCP client that started our server. */
  samplingModels: (providerId: string, model: string) => LanguageModel | undefined,
): ReturnType<typeof createCouncilService> {
  const folder = transcriptsFolder(context);
  log.info(`transcripts in ${folder.fsPath}`);
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const spendCap = configuration.get<number | null>('sessionSpendCapUsd', null);
  return createCouncilService({
    limits: {
      maxConcurrentRuns: configuration.get<number>('maxConcurrentRuns', 4),
      maxConcurrentModelCalls: configuration.get<number>('maxConcurrentModelCalls', 16),
      ...(typeof spendCap === 'number' ? { sessionSpendCapUsd: spendCap } : {}),
    },
    credentials,
    settings: readCouncilSettings,
    transcripts: new JsonlTranscriptStore(folder.fsPath),
    // `vscode-lm:` = the editor's own models; `sampling` = the model of the MCP client that
    // started a run over the bridge (MCP sampling, relayed by the bridge server);
    // `simulated:` = the scripted council of src/providers/simulated/ (no key, no network).
    extraModelFactory: (providerId, model) =>
      providerId === VSCODE_LM_PROVIDER
        ? new VscodeLmLanguageModel(model)
        : providerId === SIMULATED_PROVIDER_ID
          ? createSimulatedModel(model)
          : samplingModels(providerId, model),
    extraParticipants: async (): Promise<ParticipantStatus[]> =>
      (await listEditorModels()).map((model) => ({
        id: `${VSCODE_LM_PROVIDER}:${model.id}`,
        provider: VSCODE_LM_PROVIDER,
        model: model.id,
        displayName: model.name,
        available: true,
        keyPresent: false,
      })),
    logger: {
      debug: (message: string) => log.debug(message),
      info: (message: string) => log.info(message),
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.error(message),
    },
  });
}
