/** GET /v1/models through the SDK (also serves OpenAI-compatible endpoints). */
import type { ModelAdapterSettings } from '../common/model-adapter-settings';
import { attemptContext, runWatchedAttempt } from '../common/run-watched-attempt';
import { createOpenAIClient } from './openai-language-model';
import { mapOpenAIError } from './map-openai-error';

export async function listOpenAIModels(
  settings: ModelAdapterSettings,
  signal: AbortSignal,
): Promise<string[]> {
  return runWatchedAttempt(
    attemptContext(settings, '', signal, mapOpenAIError),
    async (watchedFetch) => {
      const client = await createOpenAIClient(settings, watchedFetch);
      const ids: string[] = [];
      for await (const model of client.models.list({ signal })) ids.push(model.id);
      return ids.sort();
    },
  );
}
