/**
 * One stderr line per step a user cares about while a run goes: phase and round, the
 * convergence signals against their thresholds, abstentions, the outcome. Token deltas are not
 * printed (stderr is a log, not a live view).
 */
import * as l10n from '@vscode/l10n';
import type { ConditionVerdict } from '../core/consensus-types';
import type { RunEvent } from '../core/run-events';
import { deadlockText } from './deadlock-text';
import { noticeLine } from './notice-text';

function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
}

function verdictText(verdict: ConditionVerdict): string {
  return l10n.t(
    '{0} {1} (limit {2}) {3}',
    verdict.condition,
    formatValue(verdict.value),
    formatValue(verdict.threshold),
    verdict.holds ? l10n.t('ok') : l10n.t('not yet'),
  );
}

export function progressLine(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'run-started': {
      const ids = event.participants.map((p) => p.id).join(', ');
      return l10n.t('started {0} run {1} with {2}', event.protocol, event.runId, ids);
    }
    case 'phase-started':
      return event.round > 0 ? l10n.t('round {0}: {1}', event.round, event.phase) : event.phase;
    case 'call-failed':
      return event.willRepair
        ? l10n.t('{0}: malformed {1} output, asking once more', event.participantId, event.phase)
        : undefined;
    case 'abstained': {
      const { participantId, phase, round, error } = event.abstention;
      return l10n.t(
        '{0} abstains from {1} (round {2}): {3}',
        participantId,
        phase,
        round,
        error.message,
      );
    }
    case 'round-scored': {
      const s = event.signals;
      const verdicts = s.verdicts.map(verdictText).join('; ');
      const outcome = s.converged ? l10n.t('converged') : l10n.t('not converged');
      return l10n.t('round {0} signals: {1} -> {2}', s.round, verdicts, outcome);
    }
    case 'notice':
      return noticeLine(event.notice);
    case 'deadlock':
      return l10n.t(
        'deadlock in round {0}: {1} ({2})',
        event.round,
        event.signal,
        deadlockText(event.measure, event.detail),
      );
    case 'combined':
      return l10n.t('finals combined: {0}% of lines agreed', Math.round(event.agreement * 100));
    case 'ratified':
      return l10n.t('{0} ratifies: {1}', event.ratification.participantId, event.ratification.vote);
    case 'final-skipped':
      return l10n.t(
        'final phase skipped: the merged proposals of round {0} are identical',
        event.round,
      );
    case 'call-not-needed':
      return event.reason === 'straggler'
        ? l10n.t('{0} passed the {1} straggler deadline', event.participantId, event.phase)
        : undefined;
    case 'vote-cast':
      return l10n.t('{0} answered', event.participantId);
    default:
      return undefined;
  }
}
