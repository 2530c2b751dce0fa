import * as vscode from 'vscode';

/** "Round 2 · review" for notifications and the status bar. */
export function describeProgress(phase: string | undefined, round: number | undefined): string {
  if (phase === undefined) return vscode.l10n.t('starting');
  if (round === undefined || round === 0) return phase;
  return vscode.l10n.t('Round {0} · {1}', round, phase);
}
