/**
 * Multi-LLM: Refresh Models — asks every provider that has a key (or needs none) for its model
 * list, then offers to put the picked models into multiLlm.participants. Per-provider errors are
 * reported with the adapter's hint, and never stop the other providers.
 */
import * as vscode from 'vscode';
import { sharedModelCatalog } from '../../app/model-catalog';
import { listModels } from '../../providers/create-language-model';
import type { ModelListing } from '../../providers/model-listing';
import type { ExtensionServices } from '../extension-services';
import { providerCatalog, type ProviderEntry } from '../provider-catalog';
import { readCouncilSettings, SETTINGS_SECTION } from '../read-council-settings';
import { listEditorModels, VSCODE_LM_PROVIDER } from '../lm/vscode-lm-language-model';
import { participantSpec } from '../parse-council-settings';
import { chromeText } from '../notify/chrome-text';
import { hasUrlCredentials } from '../../providers/common/redact-secrets';

interface ModelItem extends vscode.QuickPickItem {
  spec?: string;
}

interface ProviderModels {
  entry: ProviderEntry;
  models: ModelListing[];
  /** No key is set for a provider that needs one. */
  skipped?: true;
  /** Why the list could not be read (logged, never shown in a notification). */
  error?: string;
}

export function registerRefreshModelsCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('multiLlm.refreshModels', async () => {
      const settings = readCouncilSettings();
      const current = new Set(settings.participants.map(participantSpec));
      const found = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Listing models…'),
          cancellable: true,
        },
        async (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          const lists = await Promise.all(
            providerCatalog(settings).map((entry) =>
              listProviderModels(services, entry, abort.signal),
            ),
          );
          return { lists, editorModels: await listEditorModels() };
        },
      );
      const problems = found.lists.filter((list) => Boolean(list.error));
      if (problems.length > 0) {
        // Vendor error texts stay in the log: a notification would render links in them.
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window
          .showWarningMessage(
            vscode.l10n.t(
              '{0} provider(s) could not list their models. The log has the details.',
              problems.length,
            ),
            showLog,
          )
          .then((choice) => {
            if (choice === showLog) services.log.show(true);
          });
      }
      const picked = await vscode.window.showQuickPick(
        [...vendorItems(found.lists, current), ...editorItems(found.editorModels, current)],
        {
          title: vscode.l10n.t('Council participants (pick 2–8)'),
          canPickMany: true,
          matchOnDescription: true,
        },
      );
      const specs = (picked ?? []).map((item) => item.spec).filter((spec) => spec !== undefined);
      if (!picked || specs.length === 0) return;
      await vscode.workspace
        .getConfiguration(SETTINGS_SECTION)
        .update('participants', specs, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Participants set: {0}', chromeText(specs.join(', '), 200)),
      );
    }),
  );
}

/** One provider's list; a missing key, a base URL with credentials or a failure is noted, not thrown. */
async function listProviderModels(
  services: ExtensionServices,
  entry: ProviderEntry,
  signal: AbortSignal,
): Promise<ProviderModels> {
  const apiKey = await services.credentials.getApiKey(entry.providerId);
  if (entry.needsKey && !apiKey) return { entry, models: [], skipped: true };
  if (entry.baseUrl !== undefined && hasUrlCredentials(entry.baseUrl)) {
    services.log.warn(
      `${entry.providerId}: the base URL contains a user name or password; not used`,
    );
    return { entry, models: [], error: 'credentials in the base URL' };
  }
  try {
    const models = await listModels(
      { kind: entry.kind, providerId: entry.providerId, apiKey, baseUrl: entry.baseUrl },
      signal,
    );
    sharedModelCatalog.remember(entry.providerId, entry.baseUrl, models);
    return { entry, models };
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    const message = error instanceof Error ? error.message : String(error);
    services.log.warn(`listing models of ${entry.providerId} failed: ${message}`);
    return { entry, models: [], error: hint ? `${message} ${hint}` : message };
  }
}

/** The quick pick's vendor sections: a separator per provider, then its models or "no key". */
function vendorItems(lists: ProviderModels[], current: Set<string>): ModelItem[] {
  const items: ModelItem[] = [];
  for (const list of lists) {
    items.push({
      label: chromeText(list.entry.displayName),
      kind: vscode.QuickPickItemKind.Separator,
    });
    if (list.skipped) {
      items.push({
        label: vscode.l10n.t('$(key) no key — run “Set API Key…”'),
        alwaysShow: true,
      });
      continue;
    }
    for (const model of list.models) {
      const spec = `${list.entry.providerId}:${model.id}`;
      const lifecycle = lifecycleLabel(model);
      items.push({
        label: chromeText(model.id),
        description: chromeText(lifecycle ? `${spec} · ${lifecycle}` : spec),
        picked: current.has(spec),
        spec,
      });
    }
  }
  return items;
}

/** The editor's own models (vscode.lm), which need no key. */
function editorItems(models: vscode.LanguageModelChat[], current: Set<string>): ModelItem[] {
  if (models.length === 0) return [];
  return [
    { label: vscode.l10n.t('Editor models (no key)'), kind: vscode.QuickPickItemKind.Separator },
    ...models.map((model) => {
      const spec = `${VSCODE_LM_PROVIDER}:${model.id}`;
      return {
        label: chromeText(model.name),
        description: chromeText(spec),
        detail: chromeText(model.vendor),
        picked: current.has(spec),
        spec,
      };
    }),
  ];
}

/**
 * The vendor's lifecycle facts in our own words: only the enum and a date that parses as one
 * reach the quick pick, never free text from the vendor.
 */
function lifecycleLabel(model: ModelListing): string | undefined {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(model.shutdownDate ?? '')?.[0];
  if (model.lifecycle === 'retired') return vscode.l10n.t('$(error) retired');
  if (model.lifecycle === 'deprecated' || date !== undefined) {
    return date
      ? vscode.l10n.t('$(warning) deprecated, shuts down {0}', chromeText(date))
      : vscode.l10n.t('$(warning) deprecated');
  }
  return undefined;
}
