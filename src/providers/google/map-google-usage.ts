/**
 * Gemini usageMetadata -> the port's Usage. promptTokenCount already includes
 * cachedContentTokenCount; thinking tokens (thoughtsTokenCount) are billed as output, so they
 * count as output here.
 */
import type { Usage } from '../../core/language-model';

export interface GoogleUsageLike {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
}

export function mapGoogleUsage(usage: GoogleUsageLike | undefined): Usage {
  return {
    inputTokens: usage?.promptTokenCount ?? 0,
    outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
    cachedInputTokens: usage?.cachedContentTokenCount ?? 0,
  };
}
