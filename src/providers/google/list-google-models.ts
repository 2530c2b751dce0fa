/** GET v1beta/models through the SDK's pager; only models that can generateContent. */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { byId, type ModelListing } from '../model-listing';
import { createGoogleClient } from './google-language-model';
import { mapGoogleError } from './map-google-error';

export async function listGoogleModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<ModelListing[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapGoogleError),
    async (watchedFetch) => {
      const client = await createGoogleClient(settings, watchedFetch);
      const pager = await client.models.list({ config: { abortSignal: signal } });
      const models: ModelListing[] = [];
      for await (const model of pager) {
        const actions = model.supportedActions ?? [];
        if (actions.length > 0 && !actions.includes('generateContent')) continue;
        if (!model.name) continue;
        models.push({
          id: model.name.replace(/^models\//, ''),
          ...(model.displayName ? { displayName: model.displayName } : {}),
        });
      }
      return models.sort(byId);
    },
  );
}
