/**
 * What a vendor folder tells the rest of the code about its vendor. Each folder exports one of
 * these (e.g. openai/openai-vendor.ts); provider-registry.ts lists them, and every list of
 * vendors (settings, environment variables, the panel, the CLI, esbuild's SDK split) is
 * derived from that list.
 */
import type { LanguageModel } from '../../core/language-model';
import type { ModelListing } from '../model-listing';
import type { ModelAdapterSettings } from './model-adapter-settings';
import { AdapterLanguageModel, listModelsThrough, type VendorAdapter } from './vendor-adapter';

export interface VendorDefinition<Id extends string = string> {
  /** The provider id in `provider:model` and in settings keys (`multiLlm.<id>.baseUrl`). */
  id: Id;
  /** The vendor's own name, as users know it (never translated). */
  displayName: string;
  /** Where standalone mode (CLI, MCP server) reads the key from, in order. */
  apiKeyEnvVars: readonly [string, ...string[]];
  /** Where standalone mode reads a base URL (proxy, gateway) from. */
  baseUrlEnvVar: string;
  /**
   * The SDK package the adapter loads on its first call (`await import(module)`) and the
   * names it takes from it; esbuild.mjs bundles exactly these into dist/vendor/.
   */
  sdk: { module: string; exports: readonly string[] };
  createModel(modelId: string, settings: ModelAdapterSettings): LanguageModel;
  /** The models the key can use, with lifecycle facts where the vendor gives them. */
  listModels(settings: ModelAdapterSettings, signal: AbortSignal): Promise<ModelListing[]>;
}

/** A vendor's facts; its model factory and model list come from its adapter. */
export function defineVendor<const Facts extends VendorFacts, Client>(
  facts: Facts,
  adapter: VendorAdapter<Client>,
): Facts & Pick<VendorDefinition, 'createModel' | 'listModels'> {
  return {
    ...facts,
    createModel: (modelId, settings) => new AdapterLanguageModel(modelId, settings, adapter),
    listModels: (settings, signal) => listModelsThrough(adapter, settings, signal),
  };
}

export type VendorFacts = Omit<VendorDefinition, 'createModel' | 'listModels'>;
