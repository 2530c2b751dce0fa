/** GET /v1/models through the SDK (auto-paginated), retired models included. */
import type Anthropic from '@anthropic-ai/sdk';
import type { ModelListing } from '../model-listing';

export async function* listAnthropicModels(
  client: Anthropic,
  signal: AbortSignal,
): AsyncIterable<ModelListing> {
  // Retired models are listed only when asked for; a configured one is then "past shutdown"
  // rather than "unknown".
  const pages = client.models.list({ lifecycle: ['active', 'deprecated', 'retired'] }, { signal });
  for await (const model of pages) {
    yield {
      id: model.id,
      ...(model.display_name ? { displayName: model.display_name } : {}),
      ...(model.lifecycle ? { lifecycle: model.lifecycle } : {}),
      ...(model.deprecated_at ? { deprecatedAt: model.deprecated_at } : {}),
      ...(model.retires_at ? { shutdownDate: model.retires_at } : {}),
    };
  }
}
