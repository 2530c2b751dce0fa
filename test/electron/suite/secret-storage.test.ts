import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './extension-under-test';

export function registerSecretStorageTests(): void {
  describe('API keys in SecretStorage', () => {
    it('round-trips a key and never puts it in the settings', async () => {
      const { services } = await activateExtension();
      const canary = `sk-canary-${Date.now()}`;
      await services.credentials.setApiKey('openai', canary);
      assert.equal(await services.credentials.getApiKey('openai'), canary);
      assert.equal(await services.credentials.hasApiKey('openai'), true);
      const settings = JSON.stringify(vscode.workspace.getConfiguration('multiLlm'));
      assert.ok(!settings.includes(canary), 'the key is not in any setting');
      await services.credentials.clearApiKey('openai');
      assert.equal(await services.credentials.getApiKey('openai'), undefined);
    });
  });
}
