/** Multi-LLM: Clear API Key… — lists only the providers that have a key. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { pickProvider } from './set-api-key-command';

export function registerClearApiKeyCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.clearApiKey', async () => {
      const provider = await pickProvider(services, vscode.l10n.t('Clear API Key for…'), {
        onlyWithKey: true,
      });
      if (!provider) return false;
      await services.credentials.clearApiKey(provider.providerId);
      services.log.info(`API key cleared for ${provider.providerId}`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('API key for {0} removed.', provider.displayName),
      );
      return true;
    }),
  );
}
