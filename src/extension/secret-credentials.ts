/**
 * API keys live only in the editor's SecretStorage, under `multiLlm.apiKey.<providerId>`
 * (docs/ARCHITECTURE.md, "Keys and processes"). Never in settings, logs, events, transcripts or the webview: this class is
 * the only place that reads them, and it hands them only to the council's model factory.
 */
import type * as vscode from 'vscode';
import { providerDisplayName } from '../providers/provider-registry';

export const API_KEY_PREFIX = 'multiLlm.apiKey.';

export class SecretCredentials {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The CredentialSource port of src/app. */
  async getApiKey(providerId: string): Promise<string | undefined> {
    const key = await this.secrets.get(API_KEY_PREFIX + providerId);
    return key === undefined || key.trim() === '' ? undefined : key;
  }

  /** What the run services tell the user when a key is missing. */
  howToSetKey(providerId: string): string {
    return `Run 'Multi-LLM: Set API Key…' for ${providerDisplayName(providerId)}`;
  }

  async setApiKey(providerId: string, apiKey: string): Promise<void> {
    await this.secrets.store(API_KEY_PREFIX + providerId, apiKey.trim());
  }

  async clearApiKey(providerId: string): Promise<void> {
    await this.secrets.delete(API_KEY_PREFIX + providerId);
  }

  async hasApiKey(providerId: string): Promise<boolean> {
    return (await this.getApiKey(providerId)) !== undefined;
  }

  /** Fires with the provider id whenever one of our keys changes (also from another window). */
  onDidChange(listener: (providerId: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(API_KEY_PREFIX)) listener(event.key.slice(API_KEY_PREFIX.length));
    });
  }
}
