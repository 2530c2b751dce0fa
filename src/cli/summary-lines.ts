/** The closing lines of `mlo run` and `mlo vote`: the outcome, an error, where the transcript is. */
import * as l10n from '@vscode/l10n';
import type { ConsensusResult } from '../core/consensus-types';

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

/**
 * Status, then why it stopped only where that adds something: a deadlock names its signal, a
 * stop reason that repeats the status (budget, cancelled) is left out.
 */
export function resultLine(
  result: Pick<ConsensusResult, 'status' | 'stopReason' | 'deadlockSignal' | 'roundsCompleted'>,
): string {
  const why = result.status === 'deadlock' ? result.deadlockSignal : result.stopReason;
  return why && why !== result.status
    ? l10n.t('result: {0} ({1}) after {2} round(s)', result.status, why, result.roundsCompleted)
    : l10n.t('result: {0} after {1} round(s)', result.status, result.roundsCompleted);
}
