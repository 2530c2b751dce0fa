/** OpenAI as the registry knows it (provider-registry.ts). */
import { defineVendor } from '../common/vendor-definition';
import { openaiAdapter } from './openai-language-model';

export const openaiVendor = defineVendor(
  {
    id: 'openai',
    displayName: 'OpenAI',
    apiKeyEnvVars: ['OPENAI_API_KEY'],
    baseUrlEnvVar: 'OPENAI_BASE_URL',
    sdk: { module: 'openai', exports: ['default'] },
  },
  openaiAdapter,
);
