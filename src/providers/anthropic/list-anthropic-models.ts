/** GET /v1/models through the SDK (auto-paginated). */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { createAnthropicClient } from './anthropic-language-model';
import { mapAnthropicError } from './map-anthropic-error';

export async function listAnthropicModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<string[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapAnthropicError),
    async (watchedFetch) => {
      const client = await createAnthropicClient(settings, watchedFetch);
      const ids: string[] = [];
      for await (const model of client.models.list({}, { signal })) ids.push(model.id);
      return ids.sort();
    },
  );
}
