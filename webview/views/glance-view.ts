/**
 * The debate at a glance, at the top of a run: a compact round timeline (one row per
 * participant, one column per round: what it did, the score it received, abstentions with
 * their reason, dissent marked) with each participant's score trend, and the decisive signal
 * of each round underneath. Small enough for the first screen of the side bar.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { debateTimeline, type DecisiveSignal, type TimelineCell } from '../debate-timeline';
import type { RunViewState } from '../../src/shared/run-view-state';
import { distinctNames } from './participant-names';
import { sparkline } from './round-chart';
import type { RenderContext } from './render-context';
import type { Localize } from '../l10n/localize';

const ACTION_GLYPH: Record<string, string> = {
  drafted: '✎',
  merged: '⇄',
  reviewed: '✓',
  final: '★',
};

function cellView(cell: TimelineCell, context: RenderContext): TemplateResult {
  const { t } = context;
  const actions = cell.actions.map((a) => t(`action_${a}` as 'action_drafted'));
  const label = [
    ...actions,
    cell.abstained
      ? t('abstainedWhy', t(`phase_${cell.abstained.phase as 'draft'}`), cell.abstained.kind)
      : '',
    cell.score !== undefined ? t('scoreReceived', cell.score.toFixed(1)) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return html`<div
    class="tl-cell ${cell.abstained ? 'abstained' : ''}"
    role="cell"
    aria-label=${label}
    title=${label}
  >
    <span class="tl-actions" aria-hidden="true"
      >${cell.actions.map((a) => ACTION_GLYPH[a]).join('')}${cell.abstained ? '⊘' : ''}</span
    >
    ${
      cell.score !== undefined
        ? html`<span class="tl-score" data-testid="score-received">${cell.score.toFixed(1)}</span>`
        : nothing
    }
    ${cell.abstained ? html`<span class="tl-why">${cell.abstained.kind}</span>` : nothing}
  </div>`;
}

function decisiveText(signal: DecisiveSignal, context: RenderContext): string {
  const { t } = context;
  if (signal.kind === 'converged') return t('decisiveConverged');
  if (signal.kind === 'deadlock') return t('decisiveDeadlock', signal.signal);
  if (signal.kind === 'pending') return '…';
  if (signal.kind === 'unscored') return t(`decisive_${signal.cause}`);
  // Core words a room threshold "≤ minor"; the message words the comparison itself.
  const format = (v: number | string): string =>
    typeof v === 'number' ? String(Math.round(v * 100) / 100) : v.replace(/^[≤≥<>]\s*/, '');
  return t(
    `decisive_${signal.condition as 'scoreSpread'}`,
    format(signal.value),
    format(signal.threshold),
  );
}

/** The score trend readable at a glance: a sparkline and "5.5 → 8.5" (first to last score). */
function trendView(trend: (number | undefined)[], t: Localize): TemplateResult {
  const known = trend.filter((v): v is number => v !== undefined);
  const first = known[0]!.toFixed(1);
  const last = known.at(-1)!.toFixed(1);
  const direction = known.at(-1)! > known[0]! ? 'up' : known.at(-1)! < known[0]! ? 'down' : 'flat';
  return html`<span class="tl-trend ${direction}" data-testid="score-trend"
    >${sparkline({
      title: t('trendTitle'),
      values: trend,
      className: 'trend',
      // Scaled to this participant's scores (the text gives them exactly), so a change shows.
      min: Math.max(0, Math.floor(Math.min(...known)) - 1),
      max: Math.min(10, Math.ceil(Math.max(...known)) + 1),
      bare: true,
    })}<span class="tl-trend-text" aria-hidden="true"
      >${known.length > 1 ? `${first} → ${last}` : first}</span
    ></span
  >`;
}

export function renderGlance(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  if (state.protocol !== 'consensus') return nothing;
  const { t } = context;
  const timeline = debateTimeline(state);
  if (!timeline.rounds.length) return nothing;
  const names = distinctNames(state.participants);
  const columns = `tl-cols-${Math.min(timeline.rounds.length, 6)}`;
  return html`<section class="glance" data-testid="glance" aria-label=${t('glanceHeading')}>
    <div
      class="timeline ${columns}"
      role="table"
      data-testid="timeline"
      aria-label=${t('timelineAria')}
    >
      <div class="tl-row tl-head" role="row">
        <span class="tl-name" role="columnheader">${t('timelineParticipant')}</span>
        ${timeline.rounds.map((r) => html`<span class="tl-round" role="columnheader">R${r}</span>`)}
      </div>
      ${timeline.rows.map(
        (row) =>
          html`<div class="tl-row" role="row" data-participant-id=${row.participantId}>
            <div class="tl-name" role="rowheader">
              <span class="tl-who">${names.get(row.participantId) ?? row.participantId}</span>
              ${
                row.dissent
                  ? html`<span
                      class="tl-dissent ${row.dissent}"
                      data-testid="dissent-mark"
                      title=${t(`vote_${row.dissent}`)}
                      >${row.dissent === 'object' ? '✗' : '⚑'}</span
                    >`
                  : nothing
              }
              ${row.trend.some((v) => v !== undefined) ? trendView(row.trend, t) : nothing}
            </div>
            ${row.cells.map((cell) => cellView(cell, context))}
          </div>`,
      )}
      <div class="tl-row tl-decisive" role="row">
        <span class="tl-name" role="rowheader">${t('timelineDecisive')}</span>
        ${timeline.decisive.map(
          (signal) =>
            html`<span class="tl-signal ${signal.kind}" role="cell" data-testid="decisive-signal"
              >${decisiveText(signal, context)}</span
            >`,
        )}
      </div>
    </div>
    <p class="tl-legend">${t('timelineLegend')}</p>
  </section>`;
}
