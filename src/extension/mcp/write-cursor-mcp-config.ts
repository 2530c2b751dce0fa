/**
 * Handler of `multiLlm.writeCursorMcpConfig` ("Add MCP Server to Cursor (.cursor/mcp.json)"):
 * writes our entry into the first workspace folder's .cursor/mcp.json, keeping other servers.
 * No secret goes into the file (see cursor-mcp-config.ts for how the server finds this window).
 */
import * as vscode from 'vscode';
import { bridgeDiscoveryFolder } from './register-mcp';
import { cursorServerEntry, mergeCursorMcpConfig } from './cursor-mcp-config';
import { chromeText } from '../notify/chrome-text';

export async function writeCursorMcpConfig(
  context: vscode.ExtensionContext,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Open a folder first: the MCP configuration is written to .cursor/mcp.json inside it.',
      ),
    );
    return undefined;
  }
  const file = vscode.Uri.joinPath(folder.uri, '.cursor', 'mcp.json');
  let existing: string | undefined;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    existing = undefined;
  }
  let text: string;
  try {
    text = mergeCursorMcpConfig(
      existing,
      cursorServerEntry(context.extensionUri.fsPath, bridgeDiscoveryFolder(context)),
    );
  } catch {
    // The parser's message quotes the file's text: a fixed message instead.
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} is not a valid JSON object, so it was left unchanged. Fix or remove it, then run this command again.',
        chromeText(vscode.workspace.asRelativePath(file)),
      ),
    );
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.cursor'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Added the Multi-LLM MCP server to {0}. It contains no API key: runs go through this window while it is open.',
      chromeText(vscode.workspace.asRelativePath(file)),
    ),
  );
  return file;
}
