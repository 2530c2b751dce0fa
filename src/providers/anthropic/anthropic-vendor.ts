/** Anthropic as the registry knows it (provider-registry.ts). */
import { defineVendor } from '../common/vendor-definition';
import { anthropicAdapter } from './anthropic-language-model';

export const anthropicVendor = defineVendor(
  {
    id: 'anthropic',
    displayName: 'Anthropic',
    apiKeyEnvVars: ['ANTHROPIC_API_KEY'],
    baseUrlEnvVar: 'ANTHROPIC_BASE_URL',
    sdk: { module: '@anthropic-ai/sdk', exports: ['default'] },
  },
  anthropicAdapter,
);
