/** GET v1beta/models through the SDK's pager; only models that can generateContent. */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { createGoogleClient } from './google-language-model';
import { mapGoogleError } from './map-google-error';

export async function listGoogleModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<string[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapGoogleError),
    async (watchedFetch) => {
      const client = await createGoogleClient(settings, watchedFetch);
      const pager = await client.models.list({ config: { abortSignal: signal } });
      const ids: string[] = [];
      for await (const model of pager) {
        const actions = model.supportedActions ?? [];
        if (actions.length > 0 && !actions.includes('generateContent')) continue;
        if (model.name) ids.push(model.name.replace(/^models\//, ''));
      }
      return ids.sort();
    },
  );
}
