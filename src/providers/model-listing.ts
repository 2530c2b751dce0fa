/**
 * One entry of a vendor's model list, with the lifecycle facts the vendor's list endpoint
 * itself returns (never guessed from the id):
 * - OpenAI GET /v1/models: `shutdown_date` (YYYY-MM-DD, or null when none is announced), per
 *   OpenAI's "Deprecations" page; not yet in the openai SDK's Model type, so read off the JSON.
 * - Anthropic GET /v1/models: `lifecycle` (active | deprecated | retired), `deprecated_at`,
 *   `retires_at` (ModelInfo in @anthropic-ai/sdk 1.12.0).
 * - Gemini GET v1beta/models: no lifecycle field (Model in @google/genai 2.32.0), so only
 *   "unknown to the vendor" can be told.
 */
export type ModelLifecycle = 'active' | 'deprecated' | 'retired';

export interface ModelListing {
  id: string;
  displayName?: string;
  lifecycle?: ModelLifecycle;
  /** ISO date (or date-time) the vendor deprecated the model. */
  deprecatedAt?: string;
  /** ISO date (or date-time) the vendor stops serving it (OpenAI shutdown_date, Anthropic retires_at). */
  shutdownDate?: string;
}

export function byId(a: ModelListing, b: ModelListing): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
