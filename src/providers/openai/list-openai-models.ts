/** GET /v1/models through the SDK (also serves OpenAI-compatible endpoints). */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { byId, type ModelListing } from '../model-listing';
import { createOpenAIClient } from './openai-language-model';
import { mapOpenAIError } from './map-openai-error';

export async function listOpenAIModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<ModelListing[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapOpenAIError),
    async (watchedFetch) => {
      const client = await createOpenAIClient(settings, watchedFetch);
      const models: ModelListing[] = [];
      for await (const model of client.models.list({ signal })) {
        // `shutdown_date` is on the wire (see ../model-listing.ts) but not in the SDK's type.
        const shutdown = (model as { shutdown_date?: unknown }).shutdown_date;
        models.push({
          id: model.id,
          ...(typeof shutdown === 'string' && shutdown !== ''
            ? { lifecycle: 'deprecated', shutdownDate: shutdown }
            : {}),
        });
      }
      return models.sort(byId);
    },
  );
}
