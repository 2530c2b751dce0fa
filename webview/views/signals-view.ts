/**
 * The latest round's convergence signals against their thresholds (as stacked rows: a
 * four-column table does not fit the side bar), the chart, and the cost. The round cap is a
 * stopping rule, not a condition to pass: it is shown as neutral text, never as a red "no".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoundSignals, RunViewState } from '../../src/shared/run-view-state';
import { renderRoundChart } from './round-chart';
import type { RenderContext } from './render-context';

function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
}

export function scoredRounds(state: RunViewState): RoundSignals[] {
  return state.rounds
    .map((round) => round.signals)
    .filter((signals): signals is RoundSignals => Boolean(signals));
}

export function renderSignals(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  const { t } = context;
  const scored = scoredRounds(state);
  const latest = scored[scored.length - 1];
  if (!latest) return nothing;
  const conditions = latest.verdicts.filter((v) => v.condition !== 'roundCap');
  const capReached = latest.verdicts.some((v) => v.condition === 'roundCap' && v.holds);
  const rows = conditions.map(
    (verdict) =>
      html`<li class="signal ${verdict.holds ? 'holds' : 'fails'}">
        <span class="condition">${t(`condition_${verdict.condition}`)}</span>
        <span class="value">${formatValue(verdict.value)} / ${formatValue(verdict.threshold)}</span>
        <span class="verdict"
          >${verdict.holds ? '✓' : '✗'} ${verdict.holds ? t('yes') : t('no')}</span
        >
      </li>`,
  );
  const cap = latest.converged
    ? t('roundCapConverged', latest.round, state.maxRounds)
    : capReached
      ? t('roundCapReached', state.maxRounds)
      : t('roundCapOpen', latest.round, state.maxRounds);
  return html`<section class="signals-section" aria-label=${t('signalsHeading')}>
    <h2>${t('signalsHeading')}</h2>
    <div class="signals-layout">
      <div class="signals" data-testid="signals">
        <p class="caption">${t('signalsCaption', latest.round)}</p>
        <ul class="signal-list">
          ${rows}
        </ul>
        <p
          class="round-cap ${!latest.converged && capReached ? 'warning' : ''}"
          data-testid="round-cap"
        >
          ${cap}
        </p>
      </div>
      ${renderRoundChart(scored, state.thresholds, t)}
    </div>
    <p class=${latest.converged ? 'converged' : 'not-converged'}>
      ${latest.converged ? t('converged') : t('notConverged')}
    </p>
  </section>`;
}

export function renderCost(state: RunViewState, context: RenderContext): TemplateResult {
  const { t } = context;
  const cost = state.cost;
  const number = (value: number): string => value.toLocaleString('en-US');
  const text =
    t(
      'costLine',
      number(cost.usage.inputTokens),
      number(cost.usage.outputTokens),
      cost.costUsd.toFixed(4),
      cost.calls,
    ) + (cost.unpricedCalls ? ` ${t('costUnpriced', cost.unpricedCalls)}` : '');
  return html`<p class="cost" data-testid="cost" aria-label=${t('costHeading')}>${text}</p>`;
}
