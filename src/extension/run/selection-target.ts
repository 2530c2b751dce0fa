/**
 * What a code run replaces, captured at request time (issue 4): the document, its version, the
 * selected range and text, and its language. Apply compares against this and nothing else.
 */
import * as vscode from 'vscode';

export interface SelectionTarget {
  uri: string;
  version: number;
  startOffset: number;
  text: string;
  languageId: string;
  /** Workspace-relative path (or the file name) for prompts and labels. */
  path: string;
  /** "src/app.ts:12-40", 1-based lines, as the panel shows it. */
  label: string;
  /** A few lines around the selection, given to the models as context (never replaced). */
  surrounding?: string;
}

/** Lines of context on each side of the selection, capped so prompts stay small. */
const CONTEXT_LINES = 20;
const CONTEXT_MAX_CHARS = 4_000;

function surroundingText(
  document: vscode.TextDocument,
  selection: vscode.Selection,
): string | undefined {
  const beforeStart = Math.max(0, selection.start.line - CONTEXT_LINES);
  const afterEnd = Math.min(document.lineCount - 1, selection.end.line + CONTEXT_LINES);
  const before = document.getText(
    new vscode.Range(beforeStart, 0, selection.start.line, selection.start.character),
  );
  const after = document.getText(
    new vscode.Range(selection.end, document.lineAt(afterEnd).range.end),
  );
  if (before.trim() === '' && after.trim() === '') return undefined;
  const half = CONTEXT_MAX_CHARS / 2;
  return `${before.slice(-half)}<<<SELECTION>>>${after.slice(0, half)}`;
}

export function captureSelection(editor: vscode.TextEditor): SelectionTarget | undefined {
  const { document, selection } = editor;
  if (selection.isEmpty) return undefined;
  const text = document.getText(selection);
  if (text.trim() === '') return undefined;
  const path = vscode.workspace.asRelativePath(document.uri, false);
  const firstLine = selection.start.line + 1;
  // A selection ending at column 0 of a line does not include that line.
  const lastLine =
    selection.end.character === 0 && selection.end.line > selection.start.line
      ? selection.end.line
      : selection.end.line + 1;
  return {
    uri: document.uri.toString(),
    version: document.version,
    startOffset: document.offsetAt(selection.start),
    text,
    languageId: document.languageId,
    path,
    label: firstLine === lastLine ? `${path}:${firstLine}` : `${path}:${firstLine}-${lastLine}`,
    surrounding: surroundingText(document, selection),
  };
}
