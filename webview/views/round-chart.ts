/**
 * Small per-round charts drawn as SVG Lit templates (no chart library, no inline style: the CSP
 * forbids it; colours come from classes in panel.css that use VS Code theme variables). The
 * charts scale with their box (viewBox), so they fit any width.
 */
import { svg, html, type TemplateResult } from 'lit';
import type { RoundSignals, Thresholds } from '../../src/shared/run-view-state';
import type { Localize } from '../l10n/localize';

/** viewBox of a chart with ticks and caption, and of a bare trend line (drawn near 1:1). */
const FULL = { width: 140, height: 70, pad: 14 };
const BARE = { width: 64, height: 20, pad: 3 };

export interface SeriesOptions {
  title: string;
  values: (number | undefined)[];
  className: string;
  threshold?: number;
  max?: number;
  min?: number;
  /** No round ticks and no caption: a trend line inside a row. */
  bare?: boolean;
}

/** One line chart; missing values (a round without a score) leave a gap. */
export function sparkline(options: SeriesOptions): TemplateResult {
  const { width: WIDTH, height: HEIGHT, pad: PAD } = options.bare ? BARE : FULL;
  const known = options.values.filter((v): v is number => typeof v === 'number');
  const min = options.min ?? 0;
  const max = options.max ?? Math.max((options.threshold ?? 0) * 1.5, ...known, 0.0001);
  const rounds = Math.max(options.values.length, 2);
  const x = (index: number): number => PAD + (index * (WIDTH - 2 * PAD)) / (rounds - 1);
  const y = (value: number): number =>
    HEIGHT - PAD - ((value - min) / (max - min || 1)) * (HEIGHT - 2 * PAD);
  const points = options.values
    .map((value, index) => (typeof value === 'number' ? `${x(index)},${y(value)}` : ''))
    .filter(Boolean)
    .join(' ');
  const label = `${options.title}: ${options.values
    .map((v) => (typeof v === 'number' ? v.toFixed(2) : '—'))
    .join(', ')}${options.threshold !== undefined ? ` (≤ ${options.threshold})` : ''}`;
  return html`<svg
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label=${label}
    class="mini-chart ${options.className}"
  >
    ${svg`<title>${label}</title>
    <line x1=${PAD} x2=${WIDTH - PAD} y1=${HEIGHT - PAD} y2=${HEIGHT - PAD} class="axis"></line>
    ${
      options.threshold !== undefined
        ? svg`<line x1=${PAD} x2=${WIDTH - PAD} y1=${y(options.threshold)} y2=${y(options.threshold)} class="threshold"></line>`
        : ''
    }
    <polyline points=${points} class="series"></polyline>
    ${options.values.map((value, index) =>
      typeof value === 'number'
        ? svg`<circle cx=${x(index)} cy=${y(value)} r="2.5" class="point"></circle>`
        : '',
    )}
    ${
      options.bare
        ? ''
        : svg`${options.values.map(
            (_v, index) =>
              svg`<text x=${x(index)} y=${HEIGHT - 2} class="tick">R${index + 1}</text>`,
          )}
    <text x=${PAD} y="10" class="caption">${options.title}</text>`
    }`}
  </svg>`;
}

export function renderRoundChart(
  signals: RoundSignals[],
  thresholds: Thresholds,
  t: Localize,
): TemplateResult {
  return html`<figure class="round-chart" data-testid="round-chart" aria-label=${t('chartAria')}>
    ${sparkline({
      title: t('chartSpread'),
      values: signals.map((s) => s.scoreSpread ?? undefined),
      threshold: thresholds.maxScoreSpread,
      className: 'spread',
    })}
    ${sparkline({
      title: t('chartDivergence'),
      values: signals.map((s) => s.textDivergence),
      threshold: thresholds.maxTextDivergence,
      className: 'divergence',
    })}
  </figure>`;
}
