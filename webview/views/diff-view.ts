/**
 * The diff between proposals of a round (or the selection against the result). Each pair of
 * participants is listed once, with distinct names, the most divergent pair first. The side
 * bar is too narrow for two columns, so it always draws line by line; the wide editor view
 * offers side by side too. The comparison and layout are panel-only UI state.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { FIRST_DRAW_DIFF_LINES, renderDiff, type DiffLayout } from '../render-diff';
import { button } from '../toolkit-components';
import { type RunViewState, type Proposal } from '../../src/shared/run-view-state';
import { distinctNames } from './participant-names';
import type { RenderContext } from './render-context';

interface Comparison {
  key: string;
  label: string;
  oldName: string;
  newName: string;
  oldText: string;
  newText: string;
  divergence: number;
}

/** Each participant's latest proposal of a round (its merge if it merged, else its draft). */
function latestPerParticipant(proposals: Proposal[]): Proposal[] {
  const order = ['draft', 'merge'];
  const byParticipant = new Map<string, Proposal>();
  for (const p of proposals) {
    if (!order.includes(p.phase)) continue;
    const seen = byParticipant.get(p.participantId);
    if (!seen || order.indexOf(p.phase) >= order.indexOf(seen.phase)) {
      byParticipant.set(p.participantId, p);
    }
  }
  return [...byParticipant.values()];
}

export function comparisonsOf(state: RunViewState, context: RenderContext): Comparison[] {
  const { t } = context;
  const names = distinctNames(state.participants);
  const list: Comparison[] = [];
  const result = state.consensusResult;
  if (result?.product !== undefined && result.originalSelection !== undefined) {
    list.push({
      key: 'selection-result',
      label: t('diffSelectionVsResult'),
      oldName: 'selection',
      newName: 'consensus',
      oldText: result.originalSelection,
      newText: result.product,
      divergence: Number.POSITIVE_INFINITY,
    });
  }
  for (const round of [...state.rounds].reverse()) {
    const proposals = latestPerParticipant(round.proposals);
    const pairs: Comparison[] = [];
    for (let i = 0; i < proposals.length; i++) {
      for (let j = i + 1; j < proposals.length; j++) {
        const first = proposals[i]!;
        const other = proposals[j]!;
        const a = names.get(first.participantId) ?? first.participantId;
        const b = names.get(other.participantId) ?? other.participantId;
        const pairwise = round.signals?.pairwiseDivergence ?? {};
        const divergence =
          pairwise[`${first.participantId}|${other.participantId}`] ??
          pairwise[`${other.participantId}|${first.participantId}`] ??
          -1;
        pairs.push({
          key: `r${round.round}:${first.participantId}|${other.participantId}`,
          label:
            divergence >= 0
              ? t('diffPairDivergence', round.round, a, b, divergence.toFixed(2))
              : t('diffPair', round.round, a, b),
          oldName: `${a} (${first.phase} ${round.round})`,
          newName: `${b} (${other.phase} ${round.round})`,
          oldText: first.product,
          newText: other.product,
          divergence,
        });
      }
    }
    list.push(...pairs.sort((x, y) => y.divergence - x.divergence));
  }
  return list;
}

/**
 * Draws a diff (and its "show all" button) only when its inputs changed: a token streaming
 * elsewhere leaves the diff's nodes alone and costs no diffing.
 */
class DiffDirective extends Directive {
  private last: unknown[] = [];
  render(_c: Comparison, _layout: DiffLayout, _whole: boolean, _context: RenderContext): unknown {
    return nothing;
  }
  override update(
    _part: unknown,
    [c, layout, whole, context]: [Comparison, DiffLayout, boolean, RenderContext],
  ): unknown {
    const inputs = [c.key, c.oldText, c.newText, layout, whole, context.t];
    if (inputs.every((value, index) => value === this.last[index])) return noChange;
    this.last = inputs;
    const limit = whole ? Number.POSITIVE_INFINITY : FIRST_DRAW_DIFF_LINES;
    const drawn = renderDiff(c.oldName, c.newName, c.oldText, c.newText, layout, limit);
    return html`${
      drawn.identical
        ? html`<p class="diff-identical" data-testid="diff-identical">
            ${context.t('diffIdentical')}
          </p>`
        : nothing
    }${drawn.fragment}${
      drawn.hiddenChangedLines > 0
        ? button({
            label: context.t('diffShowAll', drawn.hiddenChangedLines),
            appearance: 'secondary',
            testId: 'diff-show-all',
            onClick: () => {
              context.ui.wholeDiffs.add(c.key);
              context.rerender();
            },
          })
        : nothing
    }`;
  }
}
const drawDiff = directive(DiffDirective);

export function renderDiffView(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  const { t, ui } = context;
  const comparisons = comparisonsOf(state, context);
  if (!comparisons.length) return nothing;
  const chosen = comparisons.find((c) => c.key === ui.diffChoice) ?? comparisons[0]!;
  const layout: DiffLayout = context.wide ? ui.diffLayout : 'line-by-line';
  const onChange = (event: Event): void => {
    ui.diffChoice = (event.currentTarget as HTMLSelectElement).value;
    context.rerender();
  };
  const layoutButton = (value: DiffLayout, label: string): TemplateResult =>
    button({
      label,
      appearance: layout === value ? 'primary' : 'secondary',
      pressed: layout === value,
      testId: `diff-layout-${value}`,
      onClick: () => {
        ui.diffLayout = value;
        context.rerender();
      },
    });
  const whole = ui.wholeDiffs.has(chosen.key);
  return html`<section class="diff-section" data-testid="diff-view" aria-label=${t('diffHeading')}>
    <h2>${t('diffHeading')}</h2>
    <div class="toolbar">
      <select class="diff-choice" aria-label=${t('diffCompare')} @change=${onChange}>
        ${comparisons.map(
          (c) => html`<option value=${c.key} ?selected=${c === chosen}>${c.label}</option>`,
        )}
      </select>
      ${
        context.wide
          ? html`${layoutButton('side-by-side', t('diffSideBySide'))}
            ${layoutButton('line-by-line', t('diffLineByLine'))}`
          : nothing
      }
    </div>
    <div class="diff-body ${layout}">${drawDiff(chosen, layout, whole, context)}</div>
  </section>`;
}
