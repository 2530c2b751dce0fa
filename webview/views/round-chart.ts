/**
 * A small per-round chart of score spread and text divergence against their thresholds,
 * drawn as inline SVG with DOM APIs (no chart library, no inline style: the CSP forbids it;
 * colours come from classes in panel.css that use VS Code theme variables).
 */
import type { RoundSignals, Thresholds } from '../../src/shared/run-view-state';
import type { Localize } from '../l10n/localize';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 140;
const HEIGHT = 70;
const PAD = 14;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function series(
  title: string,
  values: number[],
  threshold: number,
  className: string,
): SVGSVGElement {
  const max = Math.max(threshold * 1.5, ...values, 0.0001);
  const rounds = Math.max(values.length, 2);
  const x = (index: number): number => PAD + (index * (WIDTH - 2 * PAD)) / (rounds - 1);
  const y = (value: number): number => HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD);
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    class: `mini-chart ${className}`,
  });
  const label = svg('title', {});
  label.textContent = `${title}: ${values.map((v) => v.toFixed(2)).join(', ')} (≤ ${threshold})`;
  chart.appendChild(label);
  chart.appendChild(
    svg('line', { x1: PAD, x2: WIDTH - PAD, y1: HEIGHT - PAD, y2: HEIGHT - PAD, class: 'axis' }),
  );
  chart.appendChild(
    svg('line', {
      x1: PAD,
      x2: WIDTH - PAD,
      y1: y(threshold),
      y2: y(threshold),
      class: 'threshold',
    }),
  );
  chart.appendChild(
    svg('polyline', {
      points: values.map((value, index) => `${x(index)},${y(value)}`).join(' '),
      class: 'series',
    }),
  );
  values.forEach((value, index) => {
    chart.appendChild(svg('circle', { cx: x(index), cy: y(value), r: 2.5, class: 'point' }));
    const tick = svg('text', { x: x(index), y: HEIGHT - 2, class: 'tick' });
    tick.textContent = `R${index + 1}`;
    chart.appendChild(tick);
  });
  const caption = svg('text', { x: PAD, y: 10, class: 'caption' });
  caption.textContent = title;
  chart.appendChild(caption);
  return chart;
}

export function renderRoundChart(
  signals: RoundSignals[],
  thresholds: Thresholds,
  t: Localize,
): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'round-chart';
  figure.dataset.testid = 'round-chart';
  figure.setAttribute('aria-label', t('chartAria'));
  figure.appendChild(
    series(
      t('chartSpread'),
      // An unknown spread (no usable scores) is drawn as 0 until the panel shows it as unknown.
      signals.map((s) => s.scoreSpread ?? 0),
      thresholds.maxScoreSpread,
      'spread',
    ),
  );
  figure.appendChild(
    series(
      t('chartDivergence'),
      signals.map((s) => s.textDivergence),
      thresholds.maxTextDivergence,
      'divergence',
    ),
  );
  return figure;
}
