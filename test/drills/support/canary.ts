/**
 * Canary API keys: unique strings per vendor and per test run, so any appearance of one in an
 * output can only be a leak of the key the product was given (never a coincidence).
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';

export interface Canaries {
  openai: string;
  anthropic: string;
  google: string;
}

export function makeCanaries(): Canaries {
  const fresh = (vendor: string): string =>
    `sk-canary-${vendor}-${randomBytes(12).toString('hex')}`;
  return { openai: fresh('openai'), anthropic: fresh('anthropic'), google: fresh('google') };
}

export function canaryValues(canaries: Canaries): string[] {
  return [canaries.openai, canaries.anthropic, canaries.google];
}

/** Fails naming where the key leaked and a little context around it (the key itself cut short). */
export function assertNoCanary(where: string, text: string, canaries: Canaries): void {
  for (const canary of canaryValues(canaries)) {
    const at = text.indexOf(canary);
    if (at < 0) continue;
    const before = text.slice(Math.max(0, at - 200), at);
    assert.fail(`an API key (${canary.slice(0, 16)}…) leaked into ${where}: …${before}<KEY>`);
  }
}
