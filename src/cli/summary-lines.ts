/** The closing lines `mlo run` and `mlo vote` share (their error, where the transcript is). */
import * as l10n from '@vscode/l10n';

export function errorLine(error: { message: string; hint?: string | undefined }): string {
  return l10n.t('error: {0}', `${error.message}${error.hint ? ` ${error.hint}` : ''}`);
}

export function transcriptLine(
  dataDir: string,
  result: { runId: string; transcriptIncomplete?: true },
): string {
  const path = `${dataDir}/${result.runId}.jsonl`;
  return result.transcriptIncomplete
    ? l10n.t('transcript: {0} (incomplete: some records could not be written)', path)
    : l10n.t('transcript: {0}', path);
}
