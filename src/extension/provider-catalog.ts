/**
 * The providers a user can set a key for and the panel reports on: the three vendors, each
 * OpenAI-compatible endpoint, and the editor's own models. Pure (settings in, list out).
 */
import type { CouncilSettings } from '../app/create-council-service';
import type { ProviderKind } from '../providers/create-language-model';
import { providerDisplayName, VENDORS } from '../providers/provider-registry';

export interface ProviderEntry {
  providerId: string;
  /** "OpenAI", "Anthropic", "Google Gemini" (src/providers/provider-registry.ts), or the endpoint's name. */
  displayName: string;
  needsKey: boolean;
  kind: ProviderKind;
  baseUrl?: string;
}

export const VENDOR_PROVIDERS: readonly ProviderEntry[] = VENDORS.map((vendor) => ({
  providerId: vendor.id,
  displayName: vendor.displayName,
  needsKey: true,
  kind: vendor.id,
}));

export function providerCatalog(settings: CouncilSettings): ProviderEntry[] {
  const vendors = VENDOR_PROVIDERS.map((entry) => {
    const baseUrl = entry.kind === 'openai-compatible' ? undefined : settings.baseUrls[entry.kind];
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
