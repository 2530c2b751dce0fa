/**
 * Shows the Council panel when a run starts without moving the keyboard focus: the user may
 * already be typing in the editor or the command palette (issue 17, "the panel never takes
 * keyboard focus the user did not give it"). VS Code's `<view>.focus` command takes
 * `{ preserveFocus: true }` for exactly this. "Open Panel" buttons, which the user clicks to go
 * there, keep focusing it.
 */
import * as vscode from 'vscode';
import { FOCUS_PANEL_COMMAND } from '../extension-services';

export function showPanelKeepingFocus(): void {
  void vscode.commands.executeCommand(FOCUS_PANEL_COMMAND, { preserveFocus: true });
}
