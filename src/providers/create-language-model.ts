/**
 * The one entry point hosts use to get a model (CONTRACTS §2). Vendor SDKs are loaded lazily:
 * adapters only `import type` their SDK and `await import()` it on first use, so a bundle never
 * evaluates an SDK the user does not call.
 */
import type { LanguageModel } from '../core/language-model';
import type { ReasoningEffort } from '../core/reasoning-effort';
import { ModelError } from '../core/model-error';
import { AnthropicLanguageModel } from './anthropic/anthropic-language-model';
import { listAnthropicModels } from './anthropic/list-anthropic-models';
import type { ModelAdapterSettings } from './common/model-adapter-settings';
import { MissingKeyLanguageModel, missingKeyError } from './common/missing-key-language-model';
import type { ProviderIdentity } from './common/provider-identity';
import type { RetryOptions } from './common/with-retries';
import { API_KEY_ENV_VARS, providerDisplayName, type BuiltInProvider } from './default-models';
import { GoogleLanguageModel } from './google/google-language-model';
import { listGoogleModels } from './google/list-google-models';
import type { ModelListing } from './model-listing';
import { listOpenAIModels } from './openai/list-openai-models';
import { OpenAILanguageModel } from './openai/openai-language-model';
import { OpenAICompatibleLanguageModel } from './openai-compatible/openai-compatible-language-model';

export type ProviderKind = 'openai' | 'anthropic' | 'google' | 'openai-compatible';

export interface ProviderConnection {
  kind: ProviderKind;
  /** 'openai' | 'anthropic' | 'google' | the id of an OpenAI-compatible endpoint (e.g. 'ollama'). */
  providerId: string;
  apiKey?: string; // never logged
  baseUrl?: string; // undefined = the vendor's default
}

export interface LanguageModelOptions {
  /** Default 60_000: no stream bytes for this long = ModelError 'timeout'. */
  idleTimeoutMs?: number;
  /** Default 3 (rate-limited / overloaded / server / network / timeout). */
  maxRetries?: number;
  /** Cap on Retry-After / backoff waits, default 30_000. */
  retryCapMs?: number;
  /** First backoff step (doubles per retry), default 1_000. Tests make it small. */
  retryBaseDelayMs?: number;
  /** Observes each retry before its wait (e.g. for a log line or a "retrying…" status). */
  onRetry?: RetryOptions['onRetry'];
  /** Reasoning effort for every call of this model (`multiLlm.participants[].effort`). */
  effort?: ReasoningEffort;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_CAP_MS = 30_000;
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;

export function createLanguageModel(
  connection: ProviderConnection,
  modelId: string,
  options: LanguageModelOptions = {},
): LanguageModel {
  const settings = adapterSettings(connection, options);
  if (settings.apiKey === undefined && connection.kind !== 'openai-compatible') {
    return new MissingKeyLanguageModel(modelId, settings.identity);
  }
  switch (connection.kind) {
    case 'openai':
      return new OpenAILanguageModel(modelId, settings);
    case 'anthropic':
      return new AnthropicLanguageModel(modelId, settings);
    case 'google':
      return new GoogleLanguageModel(modelId, settings);
    case 'openai-compatible':
      return new OpenAICompatibleLanguageModel(modelId, settings);
  }
}

/** The models the key can use, with lifecycle facts where the vendor gives them. Throws ModelError. */
export async function listModels(
  connection: ProviderConnection,
  signal?: AbortSignal,
): Promise<ModelListing[]> {
  const settings = adapterSettings(connection, {});
  if (settings.apiKey === undefined && connection.kind !== 'openai-compatible') {
    throw missingKeyError(settings.identity, '');
  }
  const abortSignal = signal ?? new AbortController().signal;
  switch (connection.kind) {
    case 'openai':
    case 'openai-compatible':
      return listOpenAIModels(settings, abortSignal);
    case 'anthropic':
      return listAnthropicModels(settings, abortSignal);
    case 'google':
      return listGoogleModels(settings, abortSignal);
    default:
      throw new ModelError({
        kind: 'bad-request',
        message: `Unknown provider kind "${String((connection as { kind: unknown }).kind)}".`,
        provider: String((connection as { providerId?: unknown }).providerId ?? 'unknown'),
      });
  }
}

function adapterSettings(
  connection: ProviderConnection,
  options: LanguageModelOptions,
): ModelAdapterSettings {
  const apiKey =
    connection.apiKey === undefined || connection.apiKey.trim() === ''
      ? undefined
      : connection.apiKey;
  const envVar =
    connection.kind === 'openai-compatible'
      ? undefined
      : API_KEY_ENV_VARS[connection.kind as BuiltInProvider];
  const identity: ProviderIdentity = {
    providerId: connection.providerId,
    displayName: providerDisplayName(connection.providerId),
    ...(envVar === undefined ? {} : { apiKeyEnvVar: envVar }),
    secrets: [apiKey],
  };
  return {
    identity,
    apiKey,
    baseUrl:
      connection.baseUrl === undefined || connection.baseUrl.trim() === ''
        ? undefined
        : connection.baseUrl,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    retry: {
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      retryCapMs: options.retryCapMs ?? DEFAULT_RETRY_CAP_MS,
      baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
      ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
    },
    ...(options.effort === undefined ? {} : { effort: options.effort }),
  };
}
