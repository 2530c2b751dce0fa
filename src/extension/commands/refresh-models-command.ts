/**
 * Multi-LLM: Refresh Models — asks every provider that has a key (or needs none) for its model
 * list, then offers to put the picked models into multiLlm.participants. Per-provider errors are
 * reported with the adapter's hint, and never stop the other providers.
 */
import * as vscode from 'vscode';
import { listModels } from '../../providers/create-language-model';
import type { ExtensionServices } from '../extension-services';
import { providerCatalog } from '../provider-catalog';
import { readCouncilSettings, SETTINGS_SECTION } from '../read-council-settings';
import { listEditorModels, VSCODE_LM_PROVIDER } from '../lm/vscode-lm-language-model';
import { participantSpec } from '../parse-council-settings';
import { chromeText } from '../notify/chrome-text';

interface ModelItem extends vscode.QuickPickItem {
  spec?: string;
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
            providerCatalog(settings).map(async (entry) => {
              const apiKey = await services.credentials.getApiKey(entry.providerId);
              if (entry.needsKey && !apiKey) {
                return { entry, models: [] as string[], skipped: true as const };
              }
              try {
                const models = await listModels(
                  {
                    kind: entry.kind,
                    providerId: entry.providerId,
                    apiKey,
                    baseUrl: entry.baseUrl,
                  },
                  abort.signal,
                );
                return { entry, models, skipped: false as const };
              } catch (error) {
                const hint = (error as { hint?: string }).hint;
                const message = error instanceof Error ? error.message : String(error);
                services.log.warn(`listing models of ${entry.providerId} failed: ${message}`);
                return {
                  entry,
                  models: [] as string[],
                  error: hint ? `${message} ${hint}` : message,
                };
              }
            }),
          );
          const editorModels = await listEditorModels();
          return { lists, editorModels };
        },
      );

      const items: ModelItem[] = [];
      const problems: string[] = [];
      for (const list of found.lists) {
        items.push({
          label: chromeText(list.entry.displayName),
          kind: vscode.QuickPickItemKind.Separator,
        });
        if ('error' in list && list.error) problems.push(list.entry.providerId);
        if (list.skipped) {
          items.push({
            label: vscode.l10n.t('$(key) no key — run “Set API Key…”'),
            alwaysShow: true,
          });
          continue;
        }
        for (const model of list.models) {
          const spec = `${list.entry.providerId}:${model}`;
          items.push({
            label: chromeText(model),
            description: chromeText(spec),
            picked: current.has(spec),
            spec,
          });
        }
      }
      if (found.editorModels.length > 0) {
        items.push({
          label: vscode.l10n.t('Editor models (no key)'),
          kind: vscode.QuickPickItemKind.Separator,
        });
        for (const model of found.editorModels) {
          const spec = `${VSCODE_LM_PROVIDER}:${model.id}`;
          items.push({
            label: chromeText(model.name),
            description: chromeText(spec),
            detail: chromeText(model.vendor),
            picked: current.has(spec),
            spec,
          });
        }
      }
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
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Council participants (pick 2–8)'),
        canPickMany: true,
        matchOnDescription: true,
      });
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
