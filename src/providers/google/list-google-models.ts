/** GET v1beta/models through the SDK's pager; only models that can generateContent. */
import type { GoogleGenAI } from '@google/genai';
import type { ModelListing } from '../model-listing';

export async function* listGoogleModels(
  client: GoogleGenAI,
  signal: AbortSignal,
): AsyncIterable<ModelListing> {
  for await (const model of await client.models.list({ config: { abortSignal: signal } })) {
    const actions = model.supportedActions ?? [];
    if (actions.length > 0 && !actions.includes('generateContent')) continue;
    if (!model.name) continue;
    yield {
      id: model.name.replace(/^models\//, ''),
      ...(model.displayName ? { displayName: model.displayName } : {}),
    };
  }
}
