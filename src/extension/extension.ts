/**
 * The composition root (docs/STYLE.md, "Thin composition roots"): build the services, then register each command, view
 * and provider. Activation is lazy (package.json activationEvents; never `*`).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from './extension-services';
import { SecretCredentials } from './secret-credentials';
import { createExtensionCouncil } from './create-extension-council';
import { RunTracker } from './run/run-tracker';
import { RecentInstructions } from './run/recent-instructions';
import { registerRunStatusBar } from './run/run-status-bar';
import { registerTranscriptIncompleteNotice } from './run/transcript-incomplete-notice';
import { ResultDocuments, registerResultDocuments } from './apply/result-documents';
import { registerCouncilView } from './panel/council-view-provider';
import { registerRunOnSelectionCommand } from './commands/run-on-selection-command';
import { registerRunTaskCommand } from './commands/run-task-command';
import { registerSetApiKeyCommand } from './commands/set-api-key-command';
import { registerClearApiKeyCommand } from './commands/clear-api-key-command';
import { registerRefreshModelsCommand } from './commands/refresh-models-command';
import { registerOpenHistoryCommand } from './commands/open-history-command';
import { registerExportRunCommand } from './commands/export-run-command';
import { registerStopRunCommands } from './commands/stop-run-commands';
import { registerApplyResultCommands } from './commands/apply-result-command';
import { registerWriteCursorMcpConfigCommand } from './commands/write-cursor-mcp-config-command';
import { registerMcp } from './mcp/register-mcp';
import { SamplingRelay } from '../bridge/sampling-relay';

export interface MultiLlmApi {
  /** For the extension-host tests: the services this window runs on. */
  readonly services: ExtensionServices;
}

export function activate(context: vscode.ExtensionContext): MultiLlmApi {
  const log = vscode.window.createOutputChannel('Multi-LLM Orchestration', { log: true });
  const credentials = new SecretCredentials(context.secrets);
  // `sampling` participants reach an MCP client through the bridge that serves this council.
  const samplingRelay = new SamplingRelay();
  const council = createExtensionCouncil(context, credentials, log, samplingRelay.modelFactory);
  const runs = new RunTracker(council, context.workspaceState);
  const services: ExtensionServices = {
    council,
    credentials,
    log,
    runs,
    resultDocuments: new ResultDocuments(),
    recentInstructions: new RecentInstructions(context.globalState),
  };
  context.subscriptions.push(log, runs, { dispose: () => council.dispose() });

  registerResultDocuments(context, services.resultDocuments);
  registerCouncilView(context, services);
  registerRunStatusBar(context, services);
  registerTranscriptIncompleteNotice(context, services);
  registerRunOnSelectionCommand(context, services);
  registerRunTaskCommand(context, services);
  registerSetApiKeyCommand(context, services);
  registerClearApiKeyCommand(context, services);
  registerRefreshModelsCommand(context, services);
  registerOpenHistoryCommand(context, services);
  registerExportRunCommand(context, services);
  registerStopRunCommands(context, services);
  registerApplyResultCommands(context, services);
  registerWriteCursorMcpConfigCommand(context);
  registerMcp(context, { council, log, samplingRelay });

  log.info(`activated (${vscode.env.appName} ${vscode.version})`);
  return { services };
}

export function deactivate(): void {}
