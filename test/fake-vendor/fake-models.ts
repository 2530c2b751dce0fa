/**
 * What each fake vendor's list endpoint returns by default: the models it serves, listed the way
 * the vendor lists its own (test/fake-vendor/wire/*: OpenAI's `shutdown_date`, Anthropic's
 * `lifecycle`, Gemini's `models/…` names).
 */
import { BLIND_TRAITS } from './schema-only-council';
import type { Vendor } from './script-rule';
import type { FakeModel } from './wire/vendor-wire';

/** The family word of each vendor's schema-only models: `gpt-blind`, `claude-blind-missing`. */
const BLIND_FAMILY: Record<Vendor, string> = {
  openai: 'gpt',
  'openai-compatible': 'llama',
  anthropic: 'claude',
  google: 'gemini',
};

/**
 * The schema-only council's ids (schema-only-council.ts): `<family>-blind` and one per trait.
 * Ids with several traits ("claude-blind-selfid-inject") are served too but not listed, as a
 * vendor serves dated snapshots its list leaves out.
 */
export function blindModelIds(vendor: Vendor): string[] {
  const base = `${BLIND_FAMILY[vendor]}-blind`;
  return [base, ...BLIND_TRAITS.map((trait) => `${base}-${trait}`)];
}

/**
 * Test data shaped like each vendor's list on 2026-12-01: the current defaults, plus older
 * models marked as their vendor marks them (OpenAI's published shutdown dates; an Anthropic
 * model deprecated and one retired, for the lifecycle paths); then the schema-only models.
 */
const SIMULATED_MODELS: Record<Vendor, FakeModel[]> = {
  openai: [
    { id: 'gpt-6.2-sol' },
    { id: 'gpt-6.2-astra' },
    { id: 'gpt-5.1', lifecycle: 'deprecated', shutdownDate: '2027-04-01' },
    { id: 'gpt-4.1', lifecycle: 'deprecated', shutdownDate: '2027-01-14' },
  ],
  'openai-compatible': [{ id: 'llama3.3' }, { id: 'qwen3-coder' }],
  anthropic: [
    { id: 'claude-sonnet-5-5' },
    { id: 'claude-opus-4-8' },
    { id: 'claude-haiku-4-5' },
    {
      id: 'claude-sonnet-4-6',
      lifecycle: 'deprecated',
      deprecatedAt: '2026-10-01',
      shutdownDate: '2027-01-05',
    },
    {
      id: 'claude-sonnet-4-5',
      lifecycle: 'retired',
      deprecatedAt: '2026-02-01',
      shutdownDate: '2026-05-18',
    },
  ],
  google: [{ id: 'gemini-4-argon' }, { id: 'gemini-3.1-pro-preview' }, { id: 'gemini-3.5-flash' }],
};

export function defaultModels(): Record<Vendor, FakeModel[]> {
  const entries = Object.entries(SIMULATED_MODELS).map(([vendor, models]) => [
    vendor,
    [...models, ...blindModelIds(vendor as Vendor).map((id) => ({ id }))],
  ]);
  return Object.fromEntries(entries) as Record<Vendor, FakeModel[]>;
}
