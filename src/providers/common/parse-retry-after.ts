/**
 * Milliseconds to wait from a response's retry headers: `retry-after-ms` (OpenAI, Anthropic),
 * else `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when absent or
 * unreadable, so the caller falls back to its own backoff.
 */
export interface HeaderSource {
  get(name: string): string | null;
}

export function parseRetryAfter(
  headers: HeaderSource | undefined,
  now = Date.now(),
): number | undefined {
  if (headers === undefined) return undefined;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Gemini's RetryInfo.retryDelay ("30s", "1.5s") found in an error body. */
export function parseRetryDelay(text: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}
