/** OpenAI as the registry knows it (provider-registry.ts). */
import type { VendorDefinition } from '../common/vendor-definition';
import { listOpenAIModels } from './list-openai-models';
import { OpenAILanguageModel } from './openai-language-model';

export const openaiVendor = {
  id: 'openai',
  displayName: 'OpenAI',
  apiKeyEnvVars: ['OPENAI_API_KEY'],
  baseUrlEnvVar: 'OPENAI_BASE_URL',
  sdk: { module: 'openai', exports: ['default'] },
  createModel: (modelId, settings) => new OpenAILanguageModel(modelId, settings),
  listModels: listOpenAIModels,
} as const satisfies VendorDefinition;
