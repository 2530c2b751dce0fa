/** How the CLI reports errors: a ConfigurationError's message and hint in the CLI's language, anything else as is. */
import * as l10n from '@vscode/l10n';
import { isConfigurationError } from '../app/configuration-error';
import { ParticipantSpecError } from '../app/environment-config';
import { errorOf } from '../app/failed-result';
import { redactKnownSecrets } from '../providers/common/redact-secrets';
import { configurationErrorText, notAParticipantText } from './configuration-error-text';

export class UsageError extends Error {}

export function describeCliError(error: unknown): string {
  const { message, hint } = isConfigurationError(error)
    ? configurationErrorText(error)
    : error instanceof ParticipantSpecError
      ? { message: notAParticipantText(error.spec) }
      : errorOf(error);
  return redactKnownSecrets(`mlo: ${message}${hint ? `\n${hint}` : ''}\n`);
}

export function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Node's parseArgs errors in the CLI's language: the option or argument they name, in our words. */
export function parseArgsErrorText(error: Error & { code: string }): string {
  const named = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return l10n.t("Unknown option '{0}'.", named);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return l10n.t("Unexpected argument '{0}': this command takes none.", named);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(error.message)
        ? l10n.t("Option '{0}' takes no value.", named)
        : l10n.t("Option '{0}' needs a value.", named.replace(/ <value>$/, ''));
    default:
      return error.message;
  }
}
