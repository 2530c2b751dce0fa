/**
 * A last line of defence for API keys: every key the council reads is remembered here (in this
 * process only), and the logger and the transcript store replace any occurrence of one with
 * "[redacted]" before writing. The primary rule stays "never pass a key to a log or a record";
 * this catches the mistake where a vendor error message echoes the key back.
 */
import { redactUrlCredentials } from '../providers/common/redact-secrets';

export const REDACTED = '[redacted]';

/** Shorter values are not treated as secrets (they would redact ordinary words). */
const MIN_SECRET_LENGTH = 8;

const knownSecrets = new Set<string>();

export function rememberSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH) knownSecrets.add(secret);
}

/** For tests: forget every remembered secret. */
export function forgetSecrets(): void {
  knownSecrets.clear();
}

export function redactSecrets(text: string): string {
  // A base URL's user:password is a secret too, wherever a message repeats the URL.
  let result = redactUrlCredentials(text);
  for (const secret of knownSecrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

export function containsKnownSecret(text: string): boolean {
  for (const secret of knownSecrets) if (text.includes(secret)) return true;
  return false;
}
