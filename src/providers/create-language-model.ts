/**
 * The one entry point hosts use to get a model (the port is src/core/language-model.ts). Vendor SDKs are loaded lazily:
 * adapters only `import type` their SDK and `await import()` it on first use, so a bundle never
 * evaluates an SDK the user does not call.
 */
import type { LanguageModel } from '../core/language-model';
import type { ReasoningEffort } from '../core/reasoning-effort';
import { ModelError } from '../core/model-error';
import type { ModelAdapterSettings } from './common/model-adapter-settings';
import { MissingKeyLanguageModel, missingKeyError } from './common/missing-key-language-model';
import type { ProviderIdentity } from './common/provider-identity';
import type { RetryOptions } from './common/with-retries';
import { findVendor, providerDisplayName, vendorOf, type VendorId } from './provider-registry';
import type { ModelListing } from './model-listing';
import { AdapterLanguageModel, listModelsThrough } from './common/vendor-adapter';
import { openAICompatibleAdapter } from './openai-compatible/openai-compatible-language-model';

/** A registry vendor, or an OpenAI-compatible endpoint (Ollama, OpenRouter, …). */
export type ProviderKind = VendorId | 'openai-compatible';

export interface ProviderConnection {
  kind: ProviderKind;
  /** A registry vendor id (provider-registry.ts) or the id of an OpenAI-compatible endpoint (e.g. 'ollama'). */
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
  /** Told what the vendor's SDK warns about (common/sdk-logger.ts), instead of its console. */
  onSdkWarning?: (message: string) => void;
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
  if (connection.kind === 'openai-compatible') {
    return new AdapterLanguageModel(modelId, settings, openAICompatibleAdapter);
  }
  return vendorOf(connection.kind).createModel(modelId, settings);
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
  if (connection.kind === 'openai-compatible') {
    return listModelsThrough(openAICompatibleAdapter, settings, abortSignal);
  }
  const vendor = findVendor(connection.kind);
  if (vendor) return vendor.listModels(settings, abortSignal);
  throw new ModelError({
    kind: 'bad-request',
    message: `Unknown provider kind "${String((connection as { kind: unknown }).kind)}".`,
    provider: String((connection as { providerId?: unknown }).providerId ?? 'unknown'),
  });
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
      : findVendor(connection.kind)?.apiKeyEnvVars[0];
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
    ...(options.onSdkWarning === undefined ? {} : { onSdkWarning: options.onSdkWarning }),
  };
}
