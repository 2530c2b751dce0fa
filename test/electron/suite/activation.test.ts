import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './extension-under-test';

const COMMANDS = [
  'multiLlm.runOnSelection',
  'multiLlm.runTask',
  'multiLlm.setApiKey',
  'multiLlm.clearApiKey',
  'multiLlm.refreshModels',
  'multiLlm.openHistory',
  'multiLlm.exportRun',
  'multiLlm.cancelRun',
  'multiLlm.applyResult',
  'multiLlm.showResultDiff',
  'multiLlm.writeCursorMcpConfig',
];

export function registerActivationTests(): void {
  describe('activation', () => {
    it('is lazy: not active before its view or a command is used', () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, 'the extension is present');
      const events = (extension.packageJSON as { activationEvents: string[] }).activationEvents;
      assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
    });

    it('activates and registers every command of the manifest', async () => {
      await activateExtension();
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.deepEqual(
        COMMANDS.filter((command) => !registered.has(command)),
        [],
      );
    });

    it('opens the Council panel', async () => {
      await vscode.commands.executeCommand('multiLlm.panel.focus');
    });
  });
}
