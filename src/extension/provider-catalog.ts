/**
 * The providers a user can set a key for and the panel reports on: the three vendors, each
 * OpenAI-compatible endpoint, and the editor's own models. Pure (settings in, list out).
 */
import type { CouncilSettings } from '../app/create-council-service';
import { PROVIDER_DISPLAY_NAMES, providerDisplayName } from '../providers/default-models';

export interface ProviderEntry {
  providerId: string;
  /** "OpenAI", "Anthropic", "Google Gemini" (CONTRACTS §5), or the endpoint's name. */
  displayName: string;
  needsKey: boolean;
  kind: 'openai' | 'anthropic' | 'google' | 'openai-compatible';
  baseUrl?: string;
}

export const VENDOR_PROVIDERS: readonly ProviderEntry[] = (
  ['openai', 'anthropic', 'google'] as const
).map((kind) => ({
  providerId: kind,
  displayName: PROVIDER_DISPLAY_NAMES[kind],
  needsKey: true,
  kind,
}));

export function providerCatalog(settings: CouncilSettings): ProviderEntry[] {
  const vendors = VENDOR_PROVIDERS.map((entry) => {
    const baseUrl = settings.baseUrls[entry.kind as 'openai' | 'anthropic' | 'google'];
    return baseUrl ? { ...entry, baseUrl } : { ...entry };
  });
  const endpoints = settings.compatibleEndpoints.map((endpoint): ProviderEntry => ({
    providerId: endpoint.id,
    displayName: endpoint.name ?? providerDisplayName(endpoint.id),
    needsKey: endpoint.apiKeyRequired ?? true,
    kind: 'openai-compatible',
    baseUrl: endpoint.baseUrl,
  }));
  return [...vendors, ...endpoints];
}

/** Models of a provider named in multiLlm.participants (what the panel lists per provider). */
export function configuredModels(settings: CouncilSettings, providerId: string): string[] {
  return settings.participants.filter((p) => p.provider === providerId).map((p) => p.model);
}
