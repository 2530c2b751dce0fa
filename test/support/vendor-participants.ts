/**
 * Participants whose models are the real provider adapters (real SDKs) pointed at the fake vendor
 * server, for engine tests and benchmarks that need the true wire, retries and aborts.
 */
import type { Participant } from '../../src/core/participant';
import {
  createLanguageModel,
  type LanguageModelOptions,
  type ProviderKind,
} from '../../src/providers/create-language-model';
import type { FakeVendorServer } from '../fake-vendor/fake-vendor-server';

export function vendorParticipant(
  server: FakeVendorServer,
  spec: `${'openai' | 'anthropic' | 'google'}:${string}`,
  options: LanguageModelOptions = {},
): Participant {
  const [provider, model] = spec.split(':') as ['openai' | 'anthropic' | 'google', string];
  const baseUrl = server.baseUrls[provider];
  const kind: ProviderKind = provider;
  return {
    id: spec,
    provider,
    model,
    displayName: `${provider} ${model}`,
    languageModel: createLanguageModel(
      { kind, providerId: provider, apiKey: `test-key-${provider}`, baseUrl },
      model,
      options,
    ),
  };
}
