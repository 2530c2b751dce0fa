/**
 * `provider:model` settings -> live Participants (a LanguageModel each) with keys and base URLs
 * from the host, and the availability report of listParticipants. Unknown providers and
 * missing keys are ConfigurationErrors naming what to set, raised before any call is made.
 */
import type { LanguageModel } from '../core/language-model';
import type { Participant, ParticipantInfo, Persona } from '../core/participant';
import {
  createLanguageModel,
  type LanguageModelOptions,
  type ProviderConnection,
} from '../providers/create-language-model';
import { isVendorId, providerDisplayName, VENDOR_IDS } from '../providers/provider-registry';
import type { ParticipantStatus } from '../shared/council-service';
import { ConfigurationError } from './configuration-error';
import type { CouncilSettings, CredentialSource, ParticipantSetting } from './council-settings';
import { keyEnvVarsOf } from './environment-config';
import { hasUrlCredentials, rememberSecret } from '../providers/common/redact-secrets';

export type ExtraModelFactory = (providerId: string, model: string) => LanguageModel | undefined;

export interface ResolveContext {
  settings: CouncilSettings;
  credentials: CredentialSource;
  extraModelFactory?: ExtraModelFactory;
  modelOptions?: LanguageModelOptions;
  /** Told about each retry of a vendor call (a log line; the run goes on). */
  onRetry?: (
    participantId: string,
    attempt: number,
    delayMs: number,
    error: { kind: string; message: string },
  ) => void;
  /** Told what a participant's vendor SDK warns about (a log line; the run goes on). */
  onSdkWarning?: (participantId: string, provider: string, message: string) => void;
}

/** How a provider is reached, or undefined when it is neither a vendor nor a configured endpoint. */
export function connectionOf(
  providerId: string,
  settings: CouncilSettings,
): (Omit<ProviderConnection, 'apiKey'> & { keyRequired: boolean }) | undefined {
  if (isVendorId(providerId)) {
    const baseUrl = settings.baseUrls[providerId];
    refuseUrlCredentials(providerId, baseUrl);
    return {
      kind: providerId,
      providerId,
      keyRequired: true,
      ...(baseUrl ? { baseUrl } : {}),
    };
  }
  const endpoint = settings.compatibleEndpoints.find((candidate) => candidate.id === providerId);
  if (!endpoint) return undefined;
  refuseUrlCredentials(providerId, endpoint.baseUrl);
  return {
    kind: 'openai-compatible',
    providerId,
    baseUrl: endpoint.baseUrl,
    keyRequired: endpoint.apiKeyRequired ?? true,
  };
}

/**
 * A base URL with `user:password@` would put the password in every error, log line and
 * transcript that quotes the URL (docs/SECURITY.md): refused when the run is configured.
 */
function refuseUrlCredentials(providerId: string, baseUrl: string | undefined): void {
  if (baseUrl === undefined || !hasUrlCredentials(baseUrl)) return;
  throw new ConfigurationError(
    `The base URL of ${providerDisplayName(providerId)} contains a user name or password; it was not used.`,
    'Remove the credentials from the URL and give the key as the API key (Set API Key…, or the key environment variable).',
    { kind: 'url-credentials', provider: providerId },
  );
}

export function howToSetKey(credentials: CredentialSource, providerId: string): string {
  if (credentials.howToSetKey) return credentials.howToSetKey(providerId);
  return `Run 'Multi-LLM: Set API Key…' for ${providerDisplayName(providerId)} (or set ${keyEnvVarsOf(providerId)[0]} in standalone mode).`;
}

export function knownProviders(settings: CouncilSettings): string[] {
  return [...VENDOR_IDS, ...settings.compatibleEndpoints.map((e) => e.id)];
}

export function participantInfoOf(
  setting: ParticipantSetting,
  personas: Persona[],
  id = `${setting.provider}:${setting.model}`,
): ParticipantInfo {
  const persona = setting.persona
    ? personas.find((candidate) => candidate.id === setting.persona)
    : undefined;
  const modelName = setting.model || 'default model';
  return {
    id,
    provider: setting.provider,
    model: setting.model,
    displayName:
      setting.displayName ?? `${providerDisplayName(setting.provider)} ${modelName}`.trim(),
    ...(persona ? { persona } : {}),
  };
}

/** Distinct ids even when one model sits on the council twice (e.g. with two personas). */
export function participantIds(settings: ParticipantSetting[]): string[] {
  const seen = new Map<string, number>();
  return settings.map((setting) => {
    const base = `${setting.provider}:${setting.model}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

export function participantInfos(
  settings: ParticipantSetting[],
  personas: Persona[],
): ParticipantInfo[] {
  const ids = participantIds(settings);
  return settings.map((setting, index) => participantInfoOf(setting, personas, ids[index]));
}

/** One participant, or a ConfigurationError that says what to set. */
export async function resolveParticipant(
  setting: ParticipantSetting,
  id: string,
  context: ResolveContext,
): Promise<Participant> {
  const info = participantInfoOf(setting, context.settings.personas, id);
  const extra = context.extraModelFactory?.(setting.provider, setting.model);
  if (extra) return { ...info, languageModel: extra };
  const connection = connectionOf(setting.provider, context.settings);
  if (!connection) {
    throw new ConfigurationError(
      `Unknown provider "${setting.provider}" in participant "${setting.provider}:${setting.model}".`,
      `Use one of: ${knownProviders(context.settings).join(', ')} (add an OpenAI-compatible endpoint in multiLlm.openaiCompatible.endpoints, or MLO_ENDPOINTS=id=url in standalone mode).`,
      {
        kind: 'unknown-provider',
        provider: setting.provider,
        participant: `${setting.provider}:${setting.model}`,
        known: knownProviders(context.settings),
      },
    );
  }
  if (setting.model === '') {
    throw new ConfigurationError(
      `Participant "${setting.provider}" names no model.`,
      `Write provider:model, e.g. ${setting.provider}:<model id> ('mlo models' lists them).`,
      { kind: 'no-model', provider: setting.provider },
    );
  }
  const apiKey = await context.credentials.getApiKey(setting.provider);
  if (apiKey === undefined && connection.keyRequired) {
    throw new ConfigurationError(
      `No API key for ${providerDisplayName(setting.provider)} (participant ${id}).`,
      howToSetKey(context.credentials, setting.provider),
      { kind: 'no-api-key', provider: setting.provider, participant: id },
    );
  }
  rememberSecret(apiKey);
  const { keyRequired: _keyRequired, ...base } = connection;
  const languageModel = createLanguageModel(
    { ...base, ...(apiKey === undefined ? {} : { apiKey }) },
    setting.model,
    {
      idleTimeoutMs: context.settings.idleTimeoutMs,
      ...(setting.effort === undefined ? {} : { effort: setting.effort }),
      ...(context.onRetry
        ? {
            onRetry: ({ attempt, delayMs, error }) =>
              context.onRetry?.(id, attempt, delayMs, error),
          }
        : {}),
      ...(context.onSdkWarning
        ? {
            onSdkWarning: (message: string) =>
              context.onSdkWarning?.(id, setting.provider, message),
          }
        : {}),
      ...context.modelOptions,
    },
  );
  return { ...info, languageModel };
}

export async function resolveParticipants(
  settings: ParticipantSetting[],
  context: ResolveContext,
): Promise<Participant[]> {
  const ids = participantIds(settings);
  return Promise.all(
    settings.map((setting, index) => resolveParticipant(setting, ids[index]!, context)),
  );
}

/** Availability of one configured participant, without creating a model. */
export async function participantStatusOf(
  setting: ParticipantSetting,
  id: string,
  context: ResolveContext,
  recentlyHealthy: boolean | undefined,
): Promise<ParticipantStatus> {
  const info = participantInfoOf(setting, context.settings.personas, id);
  const health = recentlyHealthy === undefined ? {} : { recentlyHealthy };
  if (context.extraModelFactory?.(setting.provider, setting.model)) {
    return { ...info, available: true, keyPresent: false, ...health };
  }
  const connection = connectionOf(setting.provider, context.settings);
  if (!connection) {
    return {
      ...info,
      available: false,
      keyPresent: false,
      reason: `Unknown provider "${setting.provider}"; use one of: ${knownProviders(context.settings).join(', ')}.`,
      ...health,
    };
  }
  const keyPresent = (await context.credentials.getApiKey(setting.provider)) !== undefined;
  const available = keyPresent || !connection.keyRequired;
  return {
    ...info,
    available,
    keyPresent,
    ...(available ? {} : { reason: howToSetKey(context.credentials, setting.provider) }),
    ...health,
  };
}
