/**
 * Vendor error messages can echo credentials (OpenAI's 401 repeats a masked key; a proxy may
 * repeat a whole header). Everything we pass on goes through this first.
 */
const KEY_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9*_-]{4,}/g, // OpenAI / Anthropic (sk-ant-…) style keys, masked or not
  /\bAIza[0-9A-Za-z_-]{10,}/g, // Google API keys
  /\b(Bearer)\s+[A-Za-z0-9._~+/=*-]{8,}/gi,
  /([?&](?:key|api_key|apikey)=)[^&\s"]+/gi,
];

/** `scheme://user:password@host`: the user-info part of any URL in a text. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

/** The text with every URL's user name and password replaced (a base URL echoed in an error). */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1[redacted]@');
}

/** Whether a base URL carries a user name or password (refused: credentials go in the key). */
export function hasUrlCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return redactUrlCredentials(url) !== url;
  }
}

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = redactUrlCredentials(text);
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4)
      result = result.split(secret).join('[redacted]');
  }
  for (const pattern of KEY_PATTERNS) {
    result = result.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && prefix !== match
        ? `${prefix}${prefix.endsWith('=') ? '' : ' '}[redacted]`
        : '[redacted]',
    );
  }
  return result;
}
