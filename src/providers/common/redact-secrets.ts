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

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
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
