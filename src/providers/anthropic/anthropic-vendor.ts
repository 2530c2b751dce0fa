/** Anthropic as the registry knows it (provider-registry.ts). */
import type { VendorDefinition } from '../common/vendor-definition';
import { AnthropicLanguageModel } from './anthropic-language-model';
import { listAnthropicModels } from './list-anthropic-models';

export const anthropicVendor = {
  id: 'anthropic',
  displayName: 'Anthropic',
  apiKeyEnvVars: ['ANTHROPIC_API_KEY'],
  baseUrlEnvVar: 'ANTHROPIC_BASE_URL',
  sdk: { module: '@anthropic-ai/sdk', exports: ['default'] },
  createModel: (modelId, settings) => new AnthropicLanguageModel(modelId, settings),
  listModels: listAnthropicModels,
} as const satisfies VendorDefinition;
