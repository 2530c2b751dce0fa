/** Google Gemini as the registry knows it (provider-registry.ts). */
import { defineVendor } from '../common/vendor-definition';
import { googleAdapter } from './google-language-model';

export const googleVendor = defineVendor(
  {
    id: 'google',
    displayName: 'Google Gemini',
    // GEMINI_API_KEY is what Google's own docs and SDK read; GOOGLE_API_KEY is the older name.
    apiKeyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    baseUrlEnvVar: 'GEMINI_BASE_URL',
    sdk: { module: '@google/genai', exports: ['GoogleGenAI'] },
  },
  googleAdapter,
);
