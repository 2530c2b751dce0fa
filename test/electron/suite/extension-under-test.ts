import * as vscode from 'vscode';
import type { MultiLlmApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'multi-llm-orchestration.multi-llm-orchestration';

/** Activates the extension (as the first command would) and returns its test API. */
export async function activateExtension(): Promise<MultiLlmApi> {
  const extension = vscode.extensions.getExtension<MultiLlmApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the test host`);
  return extension.activate();
}
