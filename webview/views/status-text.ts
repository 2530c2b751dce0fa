/**
 * The panel's one-line run status. The closing phases (final versions, ratification) carry the
 * last scored round (docs/PROTOCOL.md "Rounds"), which is one below the review round that
 * scored it; "final, round 2 of 4" after "review, round 3 of 4" read as counting backwards, so
 * they read "final — after round 2" instead, the same number the toast, CLI and MCP show.
 */
import { finalStatusOf, type RunViewState } from '../../src/shared/run-view-state';
import type { Localize } from '../l10n/localize';
import { isSimulatedRun } from './participant-names';

const CLOSING_PHASES = new Set(['final', 'ratify']);

export function runStatusText(state: RunViewState, t: Localize): string {
  const text = plainStatusText(state, t);
  return isSimulatedRun(state) ? t('simulatedStatus', text) : text;
}

function plainStatusText(state: RunViewState, t: Localize): string {
  if (state.status === 'running') {
    if (!state.phase) return t('statusStarting');
    const phase = t(`phase_${state.phase}`);
    return CLOSING_PHASES.has(state.phase)
      ? t('statusClosing', phase, state.round)
      : t('statusRunning', phase, state.round, state.maxRounds);
  }
  const status = finalStatusOf(state) ?? '';
  return status === 'failed' ? t('statusFailed') : t('statusFinished', status);
}
