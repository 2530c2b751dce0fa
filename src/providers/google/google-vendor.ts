/** Google Gemini as the registry knows it (provider-registry.ts). */
import type { VendorDefinition } from '../common/vendor-definition';
import { GoogleLanguageModel } from './google-language-model';
import { listGoogleModels } from './list-google-models';

export const googleVendor = {
  id: 'google',
  displayName: 'Google Gemini',
  // GEMINI_API_KEY is what Google's own docs and SDK read; GOOGLE_API_KEY is the older name.
  apiKeyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  baseUrlEnvVar: 'GEMINI_BASE_URL',
  sdk: { module: '@google/genai', exports: ['GoogleGenAI'] },
  createModel: (modelId, settings) => new GoogleLanguageModel(modelId, settings),
  listModels: listGoogleModels,
} as const satisfies VendorDefinition;
