/**
 * What a user's shell exports to point each vendor's real SDK at the fake vendor server
 * (test/fake-vendor/fake-vendor-server.ts): a key and a base URL per vendor, the council and the
 * transcripts folder. The keys are placeholders (the fake takes any key).
 */
import type { FakeVendorServer } from '../fake-vendor/fake-vendor-server';

/**
 * One model per vendor; the word in the ids picks the fake's council: `sim` the simulated one
 * that reads our prompts, `blind` the schema-only one (test/fake-vendor/schema-only-council.ts).
 */
export function fakeCouncil(word: 'sim' | 'blind' = 'sim'): string {
  return `openai:gpt-${word},anthropic:claude-${word},google:gemini-${word}`;
}

/** The variables, then `extra` over them; an `undefined` in `extra` leaves that one unset. */
export function fakeVendorEnvironment(
  vendor: FakeVendorServer,
  dataDir: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    OPENAI_API_KEY: 'sk-test-openai',
    OPENAI_BASE_URL: vendor.baseUrls.openai,
    ANTHROPIC_API_KEY: 'sk-test-anthropic',
    ANTHROPIC_BASE_URL: vendor.baseUrls.anthropic,
    GEMINI_API_KEY: 'test-gemini-key',
    GEMINI_BASE_URL: vendor.baseUrls.google,
    MLO_PARTICIPANTS: fakeCouncil(),
    MLO_DATA_DIR: dataDir,
    ...extra,
  };
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) env[name] = value;
  return env;
}
