/** How the CLI reports errors: a ConfigurationError's message and hint, anything else as is. */
import { isConfigurationError } from '../app/configuration-error';
import { errorOf } from '../app/failed-result';
import { redactKnownSecrets } from '../providers/common/redact-secrets';

export class UsageError extends Error {}

export function describeCliError(error: unknown): string {
  if (isConfigurationError(error)) {
    return redactKnownSecrets(`mlo: ${error.message}${error.hint ? `\n${error.hint}` : ''}\n`);
  }
  const { message, hint } = errorOf(error);
  return redactKnownSecrets(`mlo: ${message}${hint ? `\n${hint}` : ''}\n`);
}
