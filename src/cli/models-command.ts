/**
 * `mlo models`: the models each provider with a key (and each keyless endpoint) offers, with the
 * lifecycle facts its list gives (deprecated, shutdown date); then a warning on stderr for each
 * configured participant that is deprecated, retired, unknown to its vendor, or unpriced under
 * MLO_MAX_COST_USD, naming what to change.
 */
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { connectionOf } from '../app/resolve-participants';
import {
  credentialsFromEnvironment,
  keyEnvVarsOf,
  settingsFromEnvironment,
} from '../app/environment-config';
import { errorOf } from '../app/failed-result';
import { sharedModelCatalog } from '../app/model-catalog';
import { participantNotes } from '../app/participant-notes';
import { participantIds } from '../app/resolve-participants';
import { rememberSecret, redactKnownSecrets } from '../providers/common/redact-secrets';
import { listModels } from '../providers/create-language-model';
import type { ModelListing } from '../providers/model-listing';
import { createPriceTableCostEstimator } from '../providers/pricing';
import { providerDisplayName, VENDOR_IDS } from '../providers/provider-registry';
import type { CliIo } from './cli-io';
import { EXIT_NOT_REACHED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { noKeysMessage } from './missing-keys-message';
import { modelNoteText, PARTICIPANTS_SETTING } from './warning-text';

interface ProviderModels {
  provider: string;
  displayName: string;
  models?: ModelListing[];
  /** Why it was not listed: no key (with the variable to set) or the vendor's error. */
  error?: string;
  keyMissing?: boolean;
}

export async function modelsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const settings = settingsFromEnvironment(io.env);
  const credentials = credentialsFromEnvironment(io.env);
  const providers = [...VENDOR_IDS, ...settings.compatibleEndpoints.map((e) => e.id)];
  const report: ProviderModels[] = await Promise.all(
    providers.map(async (provider): Promise<ProviderModels> => {
      const displayName = providerDisplayName(provider);
      const connection = connectionOf(provider, settings)!;
      const apiKey = await credentials.getApiKey(provider);
      if (apiKey === undefined && connection.keyRequired) {
        return {
          provider,
          displayName,
          keyMissing: true,
          error: l10n.t('no key (set {0})', keyEnvVarsOf(provider).join(l10n.t(' or '))),
        };
      }
      rememberSecret(apiKey);
      const { keyRequired: _required, ...base } = connection;
      try {
        const models = await listModels({ ...base, ...(apiKey ? { apiKey } : {}) });
        sharedModelCatalog.remember(provider, base.baseUrl, models);
        return { provider, displayName, models };
      } catch (error) {
        const { message, hint } = errorOf(error);
        return {
          provider,
          displayName,
          error: redactKnownSecrets(`${message}${hint ? ` ${hint}` : ''}`),
        };
      }
    }),
  );
  if (report.every((entry) => entry.keyMissing)) {
    io.err(noKeysMessage());
    return EXIT_USAGE;
  }
  const lists = new Map(
    report.flatMap((entry) => (entry.models ? [[entry.provider, entry.models] as const] : [])),
  );
  const ids = participantIds(settings.participants);
  const notes = participantNotes(
    settings.participants.map((participant, index) => ({ ...participant, id: ids[index]! })),
    {
      lists,
      cost: createPriceTableCostEstimator(settings.priceOverrides ?? {}),
      budget: settings.budget,
      setting: PARTICIPANTS_SETTING,
      now: Date.now(),
    },
  );
  for (const note of notes) io.err(`${l10n.t('warning: {0}', modelNoteText(note))}\n`);
  if (values.json) {
    await io.out(JSON.stringify(report, null, 2) + '\n');
  } else {
    const text = report
      .map((entry) =>
        entry.models
          ? `${entry.provider} (${entry.displayName}):\n${entry.models.map((m) => `  ${entry.provider}:${m.id}${lifecycleText(m)}`).join('\n') || `  ${l10n.t('(none)')}`}`
          : `${entry.provider} (${entry.displayName}): ${entry.error}`,
      )
      .join('\n');
    await io.out(text + '\n');
  }
  return report.some((entry) => entry.error && !entry.keyMissing) ? EXIT_NOT_REACHED : EXIT_OK;
}

function lifecycleText(model: ModelListing): string {
  if (model.lifecycle === undefined || model.lifecycle === 'active') return '';
  const shutdown = model.shutdownDate
    ? l10n.t(', shutdown {0}', model.shutdownDate.slice(0, 10))
    : '';
  return `  (${model.lifecycle}${shutdown})`;
}
