/** GET /v1/models through the SDK (auto-paginated), retired models included. */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { byId, type ModelListing } from '../model-listing';
import { createAnthropicClient } from './anthropic-language-model';
import { mapAnthropicError } from './map-anthropic-error';

export async function listAnthropicModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<ModelListing[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapAnthropicError),
    async (watchedFetch) => {
      const client = await createAnthropicClient(settings, watchedFetch);
      const models: ModelListing[] = [];
      // Retired models are listed only when asked for; a configured one is then "past shutdown"
      // rather than "unknown".
      const pages = client.models.list(
        { lifecycle: ['active', 'deprecated', 'retired'] },
        { signal },
      );
      for await (const model of pages) {
        models.push({
          id: model.id,
          ...(model.display_name ? { displayName: model.display_name } : {}),
          ...(model.lifecycle ? { lifecycle: model.lifecycle } : {}),
          ...(model.deprecated_at ? { deprecatedAt: model.deprecated_at } : {}),
          ...(model.retires_at ? { shutdownDate: model.retires_at } : {}),
        });
      }
      return models.sort(byId);
    },
  );
}
