/**
 * Every vendor, described once: its folder's definition (id, display name, environment
 * variables, SDK module, factory) plus its default model below. Settings, the environment,
 * the panel's provider list, the CLI and esbuild's SDK split all derive from VENDORS; adding a
 * vendor is a folder and an entry here (docs/ARCHITECTURE.md, "Adding a vendor").
 */
import { anthropicVendor } from './anthropic/anthropic-vendor';
import type { VendorDefinition } from './common/vendor-definition';
import { googleVendor } from './google/google-vendor';
import { openaiVendor } from './openai/openai-vendor';
import { SIMULATED_DISPLAY_NAME, SIMULATED_PROVIDER_ID } from './simulated/simulated-provider';

const DEFINITIONS = [openaiVendor, anthropicVendor, googleVendor] as const;

export type VendorId = (typeof DEFINITIONS)[number]['id'];

/**
 * The default model of each vendor: the one place to change them (package.json's default of
 * multiLlm.participants must match; test/structure/provider-registry.test.ts checks it).
 * Default council: one balanced flagship per vendor (the seeds' GPT / Claude / Gemini trio),
 * checked on 2026-12-01 against the vendors' own model and deprecation pages, as returned by a
 * documentation search that day. All overridable in multiLlm.participants.
 *
 * - OpenAI "gpt-6.2-sol": "Models" (developers.openai.com/api/docs/models): GPT-6.2 Sol, "our
 *   go-to model for everyday work", beside GPT-6.2 Astra (the costlier top model); released
 *   2026-11-17. The previous default gpt-5.1 is deprecated, shutdown 2027-04-01 ("Deprecations",
 *   developers.openai.com/api/docs/deprecations).
 * - Anthropic "claude-sonnet-5-5": "Claude Sonnet 5.5" (platform.claude.com/docs/…/models/
 *   sonnet-5-5/overview), marked Latest, "the best combination of speed and intelligence";
 *   Claude Sonnet 5 is Legacy. It rejects non-default temperature (see
 *   anthropic/convert-to-anthropic-input.ts).
 * - Google "gemini-4-argon": "Gemini models" (ai.google.dev/models/gemini) lists Gemini 4 Argon
 *   as the Gemini 4 stable model; thinking levels low / medium / high, no thinkingBudget.
 *   gemini-3.1-pro-preview (the previous default) is still a preview ("Gemini deprecations",
 *   ai.google.dev/gemini-api/docs/deprecations).
 */
export const DEFAULT_MODELS: Record<VendorId, string> = {
  openai: 'gpt-6.2-sol',
  anthropic: 'claude-sonnet-5-5',
  google: 'gemini-4-argon',
};

/** Vendors whose default model sits on the council when none is configured. */
const DEFAULT_COUNCIL: readonly VendorId[] = ['openai', 'anthropic', 'google'];

export interface Vendor extends VendorDefinition<VendorId> {
  defaultModel: string;
  /** On the default council (multiLlm.participants' manifest default, standalone defaults). */
  inDefaultCouncil: boolean;
}

export const VENDORS: readonly Vendor[] = DEFINITIONS.map((definition) => ({
  ...definition,
  defaultModel: DEFAULT_MODELS[definition.id],
  inDefaultCouncil: DEFAULT_COUNCIL.includes(definition.id),
}));

export const VENDOR_IDS: readonly VendorId[] = VENDORS.map((vendor) => vendor.id);

export function isVendorId(providerId: string): providerId is VendorId {
  return (VENDOR_IDS as readonly string[]).includes(providerId);
}

export function vendorOf(id: VendorId): Vendor {
  return VENDORS.find((vendor) => vendor.id === id)!;
}

/** The vendor of a provider id, or undefined for an OpenAI-compatible endpoint or a typo. */
export function findVendor(providerId: string): Vendor | undefined {
  return VENDORS.find((vendor) => vendor.id === providerId);
}

/** `provider:model` of each vendor on the default council, in registry order. */
export function defaultCouncilSpecs(): string[] {
  return VENDORS.filter((vendor) => vendor.inDefaultCouncil).map(
    (vendor) => `${vendor.id}:${vendor.defaultModel}`,
  );
}

/** Friendlier names for well-known OpenAI-compatible endpoint ids. */
export const COMPATIBLE_DISPLAY_NAMES: Record<string, string> = {
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  'lm-studio': 'LM Studio',
  openrouter: 'OpenRouter',
  vllm: 'vLLM',
};

export function providerDisplayName(providerId: string): string {
  if (isVendorId(providerId)) return vendorOf(providerId).displayName;
  // The scripted council (src/providers/simulated/): needs no key, never a vendor.
  if (providerId === SIMULATED_PROVIDER_ID) return SIMULATED_DISPLAY_NAME;
  return COMPATIBLE_DISPLAY_NAMES[providerId.toLowerCase()] ?? providerId;
}
