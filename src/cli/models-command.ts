/** `mlo models`: the model ids each provider with a key (and each keyless endpoint) offers. */
import { parseArgs } from 'node:util';
import { connectionOf } from '../app/resolve-participants';
import {
  credentialsFromEnvironment,
  keyEnvVarsOf,
  settingsFromEnvironment,
} from '../app/environment-config';
import { errorOf } from '../app/failed-result';
import { rememberSecret, redactKnownSecrets } from '../providers/common/redact-secrets';
import { listModels } from '../providers/create-language-model';
import { providerDisplayName, VENDOR_IDS } from '../providers/provider-registry';
import type { CliIo } from './cli-io';
import { EXIT_NOT_REACHED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { NO_KEYS_MESSAGE } from './missing-keys-message';

interface ProviderModels {
  provider: string;
  displayName: string;
  models?: string[];
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
          error: `no key (set ${keyEnvVarsOf(provider).join(' or ')})`,
        };
      }
      rememberSecret(apiKey);
      const { keyRequired: _required, ...base } = connection;
      try {
        const models = await listModels({ ...base, ...(apiKey ? { apiKey } : {}) });
        return { provider, displayName, models: [...models].sort() };
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
    io.err(NO_KEYS_MESSAGE);
    return EXIT_USAGE;
  }
  if (values.json) {
    await io.out(JSON.stringify(report, null, 2) + '\n');
  } else {
    const text = report
      .map((entry) =>
        entry.models
          ? `${entry.provider} (${entry.displayName}):\n${entry.models.map((m) => `  ${entry.provider}:${m}`).join('\n') || '  (none)'}`
          : `${entry.provider} (${entry.displayName}): ${entry.error}`,
      )
      .join('\n');
    await io.out(text + '\n');
  }
  return report.some((entry) => entry.error && !entry.keyMissing) ? EXIT_NOT_REACHED : EXIT_OK;
}
