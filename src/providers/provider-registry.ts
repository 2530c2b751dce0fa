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

const DEFINITIONS = [openaiVendor, anthropicVendor, googleVendor] as const;

export type VendorId = (typeof DEFINITIONS)[number]['id'];

/**
 * The default model of each vendor: the one place to change them (package.json's default of
 * multiLlm.participants must match; test/structure/provider-registry.test.ts checks it).
 * Default council: the seeds' trio (GPT-5.1, Claude Sonnet 4.5, Gemini 3 Pro) mapped to model
 * ids the vendors serve as of 2026-11-23. All overridable in multiLlm.participants.
 *
 * - OpenAI "gpt-5.1": still served; OpenAI's deprecations page (developers.openai.com/api/docs/
 *   deprecations, as summarised on 2026-10-28) schedules its shutdown for 2027-04-01.
 * - Anthropic "claude-sonnet-4-6": Claude Sonnet 4.5 (claude-sonnet-4-5) was retired in May 2026
 *   with claude-sonnet-4-6 as the named replacement (platform.claude.com/docs/en/about-claude/
 *   model-deprecations; retirement reported for 2026-05-18). It is in @anthropic-ai/sdk 1.12.0's
 *   Model list.
 * - Google "gemini-3.1-pro-preview": gemini-3-pro-preview was shut down on 2026-03-09 and Google
 *   names gemini-3.1-pro-preview as its replacement, with no shutdown date announced
 *   (ai.google.dev/gemini-api/docs/deprecations).
 */
export const DEFAULT_MODELS: Record<VendorId, string> = {
  openai: 'gpt-5.1',
  anthropic: 'claude-sonnet-4-6',
  google: 'gemini-3.1-pro-preview',
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
  return COMPATIBLE_DISPLAY_NAMES[providerId.toLowerCase()] ?? providerId;
}
