/** What the registerX functions of activate() share (docs/STYLE.md, "Thin composition roots"). */
import type * as vscode from 'vscode';
import type { CouncilService } from '../shared/council-service';
import type { SecretCredentials } from './secret-credentials';
import type { RunTracker } from './run/run-tracker';
import type { ResultDocuments } from './apply/result-documents';
import type { RecentInstructions } from './run/recent-instructions';

export interface ExtensionServices {
  council: CouncilService;
  credentials: SecretCredentials;
  log: vscode.LogOutputChannel;
  runs: RunTracker;
  resultDocuments: ResultDocuments;
  recentInstructions: RecentInstructions;
}

export const PANEL_VIEW_ID = 'multiLlm.panel';

/** Shows the Council panel (the command VS Code derives from the view id). */
export const FOCUS_PANEL_COMMAND = `${PANEL_VIEW_ID}.focus`;
/** The same run in a wide editor-area webview (same bundle, same state as the side bar). */
export const OPEN_IN_EDITOR_COMMAND = 'multiLlm.openDebateInEditor';
