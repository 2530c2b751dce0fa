/**
 * What the CLI prints for a warning of the run services (src/app/logger.ts WarningCause), in
 * the invocation's language (cli-language.ts), chosen by its cause. Ids, model names and the
 * vendor's own error text go in as data. The English is the services' own line (their
 * `message`; test/cli/cli-configuration-language.test.ts keeps the two equal); a warning
 * without a cause prints its English message as it is.
 */
import * as l10n from '@vscode/l10n';
import type { WarningCause } from '../app/logger';
import { providerDisplayName } from '../providers/provider-registry';
import type { ModelNote } from '../shared/model-note';
import { keyHint } from './configuration-error-text';

/** The `mlo:` line's text after the prefix: "warn: …" in English. */
export function warningLine(message: string, cause: WarningCause | undefined): string {
  return l10n.t('warn: {0}', cause ? warningText(cause) : message);
}

export function warningText(cause: WarningCause): string {
  switch (cause.kind) {
    case 'model-note':
      return modelNoteText(cause.note);
    case 'left-out':
      return l10n.t(
        '{0} left out of this run: {1}',
        cause.participantId,
        cause.why === 'no-api-key'
          ? keyHint(cause.provider)
          : l10n.t(
              'Unknown provider "{0}"; use one of: {1}.',
              cause.provider,
              cause.known.join(', '),
            ),
      );
    case 'retry':
      return l10n.t(
        '{0}: {1}: {2}; retry {3} in {4} ms',
        cause.participantId,
        cause.error,
        cause.detail,
        cause.attempt,
        cause.delayMs,
      );
    case 'vendor-sdk':
      return l10n.t(
        '{0}: the {1} SDK says: {2}',
        cause.participantId,
        providerDisplayName(cause.provider),
        cause.detail,
      );
  }
}

/** One note on a configured participant (src/shared/model-note.ts), by its kind. */
export function modelNoteText(note: ModelNote): string {
  const id = note.participantId;
  const vendor = providerDisplayName(note.provider);
  const day = note.shutdownDate?.slice(0, 10);
  const fix = l10n.t(
    'Change {0} to a current model (the model list shows them).',
    settingName(note.setting),
  );
  switch (note.kind) {
    case 'unknown':
      return l10n.t(
        '{0}: {1} does not list the model "{2}" for this key. {3}',
        id,
        vendor,
        note.model,
        fix,
      );
    case 'retired':
      return day
        ? l10n.t(
            '{0}: {1} has retired this model (shutdown {2}); calls to it fail. {3}',
            id,
            vendor,
            day,
            fix,
          )
        : l10n.t('{0}: {1} has retired this model; calls to it fail. {2}', id, vendor, fix);
    case 'deprecated':
      return day
        ? l10n.t(
            '{0}: {1} has deprecated this model; it shuts down on {2}. {3}',
            id,
            vendor,
            day,
            fix,
          )
        : l10n.t('{0}: {1} has deprecated this model. {2}', id, vendor, fix);
    case 'unpriced':
      if (note.costBudgetUsd === undefined || note.tokenCap === undefined) return note.message;
      return l10n.t(
        '{0} has no known price, so the cost budget (${1}) cannot count it; the calls of unpriced participants are held to a token budget of {2} tokens (together) instead. To count its cost, add its price to multiLlm.prices (USD per million tokens) or pick a priced model.',
        id,
        note.costBudgetUsd,
        note.tokenCap.toLocaleString('en-US'),
      );
    default:
      return note.message;
  }
}

/** Where a CLI user changes participants: the notes' `setting` (English, as logs say it). */
export const PARTICIPANTS_SETTING = 'MLO_PARTICIPANTS (or --participants)';

function settingName(setting: string): string {
  return setting === PARTICIPANTS_SETTING
    ? l10n.t('MLO_PARTICIPANTS (or --participants)')
    : setting;
}
