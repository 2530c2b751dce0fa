/**
 * Any failure of a council call as the text the calling model reads: what went wrong, which
 * participant, and what the caller can do. Never includes a key (ModelError messages are
 * already redacted by the providers).
 */
import { isModelError } from '../core/model-error';

export function describeError(error: unknown, doing: string): string {
  if (isModelError(error)) {
    const who = error.modelId ? `${error.provider}:${error.modelId}` : error.provider;
    const what = error.hint ?? defaultAdvice(error.kind);
    return `Could not ${doing}: participant ${who} failed (${error.kind}): ${error.message}\nWhat to do: ${what}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof Error && typeof (error as { hint?: unknown }).hint === 'string'
      ? (error as unknown as { hint: string }).hint
      : undefined;
  return `Could not ${doing}: ${message}${hint ? `\nWhat to do: ${hint}` : '\nWhat to do: check the arguments, or call list_participants to see which participants are usable.'}`;
}

function defaultAdvice(kind: string): string {
  switch (kind) {
    case 'auth':
      return 'the API key of that provider is missing or wrong; set it ("Multi-LLM: Set API Key…" in the editor, or the provider\'s *_API_KEY variable in standalone mode), or leave that participant out.';
    case 'model-not-found':
      return 'pick another model (list_participants shows the configured ones).';
    case 'rate-limited':
    case 'overloaded':
    case 'server':
    case 'network':
    case 'timeout':
      return 'the vendor is unavailable right now; retry later or run without that participant.';
    case 'quota':
      return 'the account has no quota left; top it up or leave that participant out.';
    case 'cancelled':
      return 'nothing; the call was cancelled.';
    default:
      return 'retry, or run without that participant.';
  }
}
