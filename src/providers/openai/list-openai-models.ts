/** GET /v1/models through the SDK (auto-paginated); also serves OpenAI-compatible endpoints. */
import type OpenAI from 'openai';
import type { ModelListing } from '../model-listing';

export async function* listOpenAIModels(
  client: OpenAI,
  signal: AbortSignal,
): AsyncIterable<ModelListing> {
  for await (const model of client.models.list({ signal })) {
    // `shutdown_date` is on the wire (see ../model-listing.ts) but not in the SDK's type.
    const shutdown = (model as { shutdown_date?: unknown }).shutdown_date;
    yield {
      id: model.id,
      ...(typeof shutdown === 'string' && shutdown !== ''
        ? { lifecycle: 'deprecated', shutdownDate: shutdown }
        : {}),
    };
  }
}
