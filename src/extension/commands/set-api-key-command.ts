/**
 * Multi-LLM: Set API Key… — pick a provider (marked when a key is already set), then a
 * password box. The key goes straight to SecretStorage; it is never logged or echoed.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extension-services';
import { providerCatalog } from '../provider-catalog';
import { readCouncilSettings } from '../read-council-settings';
import { chromeText } from '../notify/chrome-text';

export async function pickProvider(
  services: ExtensionServices,
  title: string,
  options: { onlyWithKey?: boolean } = {},
): Promise<{ providerId: string; displayName: string } | undefined> {
  const entries = providerCatalog(readCouncilSettings()).filter((entry) => entry.needsKey);
  const items = await Promise.all(
    entries.map(async (entry) => {
      const hasKey = await services.credentials.hasApiKey(entry.providerId);
      return {
        label: chromeText(entry.displayName),
        description: hasKey ? vscode.l10n.t('$(check) key set') : vscode.l10n.t('no key'),
        detail: entry.baseUrl === undefined ? undefined : chromeText(entry.baseUrl),
        providerId: entry.providerId,
        hasKey,
      };
    }),
  );
  const candidates = options.onlyWithKey ? items.filter((item) => item.hasKey) : items;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No API keys are stored.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(candidates, { title });
  return picked ? { providerId: picked.providerId, displayName: picked.label } : undefined;
}

export async function setApiKeyFlow(
  services: ExtensionServices,
  providerId?: string,
): Promise<boolean> {
  let provider: { providerId: string; displayName: string } | undefined;
  if (providerId) {
    const entry = providerCatalog(readCouncilSettings()).find((e) => e.providerId === providerId);
    provider = entry ? { providerId, displayName: chromeText(entry.displayName) } : undefined;
    if (!provider) {
      services.log.warn(`set-api-key for an unknown provider id was ignored`);
      return false;
    }
  } else {
    provider = await pickProvider(services, vscode.l10n.t('Set API Key for…'));
  }
  if (!provider) return false;
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('API key for {0}', provider.displayName),
    prompt: vscode.l10n.t('Stored in the editor’s secret storage; never in settings or logs.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' ? vscode.l10n.t('Enter a key, or press Escape to cancel.') : undefined,
  });
  if (key === undefined) return false;
  await services.credentials.setApiKey(provider.providerId, key);
  services.log.info(`API key stored for ${provider.providerId}`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('API key for {0} saved.', provider.displayName),
  );
  return true;
}

export function registerSetApiKeyCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.setApiKey', (providerId?: unknown) =>
      setApiKeyFlow(services, typeof providerId === 'string' ? providerId : undefined),
    ),
  );
}
