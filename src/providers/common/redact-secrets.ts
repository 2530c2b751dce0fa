/**
 * The one home of key redaction. Two lines of defence:
 * - every key the council reads is remembered (in this process only), and logs, transcripts,
 *   exports and CLI output replace any occurrence of one with "[redacted]" (redactKnownSecrets);
 * - vendor error text, which can echo credentials (OpenAI's 401 repeats a masked key, a proxy
 *   may repeat a whole header), additionally loses anything shaped like a key
 *   (redactSecrets).
 * A key is also found URL-encoded (a query string, a form body) and base64-encoded (an HTTP
 * Basic header, a JSON blob), alone or inside a longer encoded text. The primary rule stays
 * "never pass a key to a log or a record"; this catches the mistake where one slips through.
 */
export const REDACTED = '[redacted]';

/** Remembered keys shorter than this are not treated as secrets (they would redact words). */
const MIN_SECRET_LENGTH = 8;
/** A key given with a call (the adapter's own) counts from this length. */
const MIN_GIVEN_SECRET_LENGTH = 4;

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
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
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

const knownSecrets = new Set<string>();

export function rememberSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH) knownSecrets.add(secret);
}

/** For tests: forget every remembered secret. */
export function forgetSecrets(): void {
  knownSecrets.clear();
}

const base64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');
const base64Url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * The texts a secret can appear as. For base64 inside a longer text the secret starts at any
 * byte offset, so for each of the three alignments the characters that encode only the
 * secret's own bytes are a form.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const uri = encodeURIComponent(secret);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  forms.add(uri.replace(/%20/g, '+'));
  const bytes = Buffer.from(secret, 'utf8');
  for (let start = 0; start < 3; start += 1) {
    const whole = Math.floor((bytes.length - start) / 3) * 3;
    if (whole < 6) continue;
    const aligned = bytes.subarray(start, start + whole);
    forms.add(base64(aligned));
    forms.add(base64Url(aligned));
  }
  // Longest first, so a form that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function replaceAll(text: string, secrets: Iterable<string>): string {
  // A base URL's user:password is a secret too, wherever a message repeats the URL.
  let result = redactUrlCredentials(text);
  for (const secret of secrets) {
    for (const form of encodedForms(secret)) {
      if (result.includes(form)) result = result.split(form).join(REDACTED);
    }
  }
  return result;
}

/** Every remembered key (and the given ones), in any of its forms, becomes "[redacted]". */
export function redactKnownSecrets(
  text: string,
  secrets: readonly (string | undefined)[] = [],
): string {
  const given = secrets.filter(
    (secret): secret is string => secret !== undefined && secret.length >= MIN_GIVEN_SECRET_LENGTH,
  );
  return replaceAll(text, [...given, ...knownSecrets]);
}

/**
 * For vendor text: redactKnownSecrets, and anything shaped like a key or a credential header
 * is removed as well (model output is not passed through this: it may quote such shapes).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = redactKnownSecrets(text, secrets);
  for (const pattern of KEY_PATTERNS) {
    result = result.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && prefix !== match
        ? `${prefix}${prefix.endsWith('=') ? '' : ' '}${REDACTED}`
        : REDACTED,
    );
  }
  return result;
}

export function containsKnownSecret(text: string): boolean {
  for (const secret of knownSecrets) {
    if (encodedForms(secret).some((form) => text.includes(form))) return true;
  }
  return false;
}
