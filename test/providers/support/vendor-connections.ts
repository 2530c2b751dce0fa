/** Connections from each adapter to the fake vendor server, for the provider tests. */
import type { FakeVendorServer, Vendor } from '../../fake-vendor/fake-vendor-server';
import type { ProviderConnection } from '../../../src/providers/create-language-model';

export const CANARY_KEY = 'sk-canary-XYZ-0123456789abcdef';

export const VENDORS: Vendor[] = ['openai', 'openai-compatible', 'anthropic', 'google'];

export function connectionFor(
  server: FakeVendorServer,
  vendor: Vendor,
  apiKey = CANARY_KEY,
): ProviderConnection {
  switch (vendor) {
    case 'openai':
      return { kind: 'openai', providerId: 'openai', apiKey, baseUrl: server.baseUrls.openai };
    case 'openai-compatible':
      return {
        kind: 'openai-compatible',
        providerId: 'ollama',
        apiKey,
        baseUrl: server.baseUrls.openaiCompatible,
      };
    case 'anthropic':
      return {
        kind: 'anthropic',
        providerId: 'anthropic',
        apiKey,
        baseUrl: server.baseUrls.anthropic,
      };
    case 'google':
      return { kind: 'google', providerId: 'google', apiKey, baseUrl: server.baseUrls.google };
  }
}

/** A strict-mode review schema (src/core/structured-schemas.ts) as the engine would send it. */
export const REVIEW_JSON_SCHEMA = {
  name: 'review',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['reviews', 'improvementRoom'],
    properties: {
      reviews: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: [
            'label',
            'score',
            'critique',
            'suggestions',
            'majorIssues',
            'agreementOutlook',
          ],
          properties: {
            label: { type: 'string' },
            score: { type: 'integer', minimum: 1, maximum: 10 },
            critique: { type: 'array', items: { type: 'string' } },
            suggestions: { type: 'array', items: { type: 'string' } },
            majorIssues: { type: 'integer', minimum: 0 },
            agreementOutlook: { type: 'string', enum: ['agree', 'close', 'far'] },
          },
        },
      },
      improvementRoom: { type: 'string', enum: ['none', 'minor', 'major'] },
    },
  },
};

export const REVIEW_PROMPT =
  '<task>Make the parser faster</task>\n<proposal label="Proposal A">\nfast()\n</proposal>\n<proposal label="Proposal B">\nfaster()\n</proposal>';

export function modelIdFor(vendor: Vendor): string {
  return vendor === 'google'
    ? 'gemini-3.1-pro-preview'
    : vendor === 'anthropic'
      ? 'claude-sonnet-4-6'
      : vendor === 'openai'
        ? 'gpt-5.1'
        : 'llama3.3';
}
