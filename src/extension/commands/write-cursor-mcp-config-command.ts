/** Multi-LLM: Add MCP Server to Cursor (.cursor/mcp.json) — the MCP module writes the file. */
import * as vscode from 'vscode';
import { writeCursorMcpConfig } from '../mcp/write-cursor-mcp-config';

export function registerWriteCursorMcpConfigCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.writeCursorMcpConfig', () =>
      writeCursorMcpConfig(context),
    ),
  );
}
