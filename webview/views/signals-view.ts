/** The latest round's convergence signals against their thresholds, the chart, and the cost. */
import { h } from '../dom-builder';
import type { RoundSignals, RunViewState } from '../../src/shared/run-view-state';
import { renderRoundChart } from './round-chart';
import type { RenderContext } from './render-context';

function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
}

export function renderSignals(
  state: RunViewState,
  context: RenderContext,
): HTMLElement | undefined {
  const { t } = context;
  const scored = state.rounds
    .map((round) => round.signals)
    .filter((signals): signals is RoundSignals => Boolean(signals));
  const latest = scored[scored.length - 1];
  if (!latest) return undefined;
  const rows = latest.verdicts.map((verdict) =>
    h('tr', { className: verdict.holds ? 'holds' : 'fails' }, [
      h('th', { attrs: { scope: 'row' }, text: t(`condition_${verdict.condition}`) }),
      h('td', { text: formatValue(verdict.value) }),
      h('td', { text: formatValue(verdict.threshold) }),
      h('td', {
        className: 'verdict',
        text: `${verdict.holds ? '✓' : '✗'} ${verdict.holds ? t('yes') : t('no')}`,
      }),
    ]),
  );
  return h(
    'section',
    { className: 'signals-section', attrs: { 'aria-label': t('signalsHeading') } },
    [
      h('h2', { text: t('signalsHeading') }),
      h('div', { className: 'signals-layout' }, [
        h('table', { className: 'signals', testId: 'signals' }, [
          h('caption', { text: t('signalsCaption', latest.round) }),
          h('thead', {}, [
            h('tr', {}, [
              h('th', { attrs: { scope: 'col' }, text: t('condition') }),
              h('th', { attrs: { scope: 'col' }, text: t('value') }),
              h('th', { attrs: { scope: 'col' }, text: t('threshold') }),
              h('th', { attrs: { scope: 'col' }, text: t('holds') }),
            ]),
          ]),
          h('tbody', {}, rows),
        ]),
        renderRoundChart(scored, state.thresholds, t),
      ]),
      h('p', {
        className: latest.converged ? 'converged' : 'not-converged',
        text: latest.converged ? t('converged') : t('notConverged'),
      }),
    ],
  );
}

export function renderCost(state: RunViewState, context: RenderContext): HTMLElement {
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
  return h('p', {
    className: 'cost',
    testId: 'cost',
    attrs: { 'aria-label': t('costHeading') },
    text,
  });
}
