/**
 * One stderr line per step a user cares about while a run goes: phase and round, the
 * convergence signals against their thresholds, abstentions, the outcome. Token deltas are not
 * printed (stderr is a log, not a live view).
 */
import type { ConditionVerdict } from '../core/consensus-types';
import type { RunEvent } from '../core/run-events';
import { noticeText } from './notice-text';

function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
}

function verdictText(verdict: ConditionVerdict): string {
  return `${verdict.condition} ${formatValue(verdict.value)} (limit ${formatValue(verdict.threshold)}) ${verdict.holds ? 'ok' : 'not yet'}`;
}

export function progressLine(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'run-started':
      return `started ${event.protocol} run ${event.runId} with ${event.participants.map((p) => p.id).join(', ')}`;
    case 'phase-started':
      return event.round > 0 ? `round ${event.round}: ${event.phase}` : `${event.phase}`;
    case 'call-failed':
      return event.willRepair
        ? `${event.participantId}: malformed ${event.phase} output, asking once more`
        : undefined;
    case 'abstained':
      return `${event.abstention.participantId} abstains from ${event.abstention.phase} (round ${event.abstention.round}): ${event.abstention.error.message}`;
    case 'round-scored': {
      const s = event.signals;
      const verdicts = s.verdicts.map(verdictText).join('; ');
      return `round ${s.round} signals: ${verdicts} -> ${s.converged ? 'converged' : 'not converged'}`;
    }
    case 'notice':
      return `notice: ${event.notice.cause}: ${noticeText(event.notice)}`;
    case 'deadlock':
      return `deadlock in round ${event.round}: ${event.signal} (${event.detail})`;
    case 'combined':
      return `finals combined: ${Math.round(event.agreement * 100)}% of lines agreed`;
    case 'ratified':
      return `${event.ratification.participantId} ratifies: ${event.ratification.vote}`;
    case 'final-skipped':
      return `final phase skipped: the merged proposals of round ${event.round} are identical`;
    case 'call-not-needed':
      return event.reason === 'straggler'
        ? `${event.participantId} passed the ${event.phase} straggler deadline`
        : undefined;
    case 'vote-cast':
      return `${event.participantId} answered`;
    default:
      return undefined;
  }
}
