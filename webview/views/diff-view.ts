/**
 * The diff between merged proposals of a round (or the selection against the result), with a
 * side-by-side / line-by-line toggle. The comparison and the layout are panel-only UI state.
 */
import { h } from '../dom-builder';
import { FIRST_DRAW_DIFF_LINES, renderDiff, type DiffLayout } from '../render-diff';
import { createButton } from '../toolkit-components';
import { participantName, type RunViewState } from '../../src/shared/run-view-state';
import type { RenderContext } from './render-context';

interface Comparison {
  key: string;
  label: string;
  oldName: string;
  newName: string;
  oldText: string;
  newText: string;
}

function comparisonsOf(state: RunViewState, context: RenderContext): Comparison[] {
  const { t } = context;
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
    });
  }
  for (const round of [...state.rounds].reverse()) {
    const proposals = round.proposals.filter((p) => p.phase !== 'final');
    const [first, ...others] = proposals;
    if (!first) continue;
    for (const other of others) {
      const a = participantName(state, first.participantId);
      const b = participantName(state, other.participantId);
      list.push({
        key: `r${round.round}:${first.participantId}|${other.participantId}`,
        label: t('diffPair', round.round, a, b),
        oldName: `${a} (${first.phase} ${round.round})`,
        newName: `${b} (${other.phase} ${round.round})`,
        oldText: first.product,
        newText: other.product,
      });
    }
  }
  return list;
}

export function renderDiffView(
  state: RunViewState,
  context: RenderContext,
): HTMLElement | undefined {
  const { t, ui } = context;
  const comparisons = comparisonsOf(state, context);
  if (!comparisons.length) return undefined;
  const chosen = comparisons.find((c) => c.key === ui.diffChoice) ?? comparisons[0]!;
  const select = h(
    'select',
    {
      className: 'diff-choice',
      attrs: { 'aria-label': t('diffCompare'), 'data-focus-key': 'diff-choice' },
    },
    comparisons.map((c) => {
      const option = h('option', { text: c.label, attrs: { value: c.key } });
      option.selected = c === chosen;
      return option;
    }),
  );
  select.addEventListener('change', () => {
    ui.diffChoice = select.value;
    context.rerender();
  });
  const layoutButton = (layout: DiffLayout, label: string): HTMLElement => {
    const button = createButton({
      label,
      appearance: ui.diffLayout === layout ? 'primary' : 'secondary',
      onClick: () => {
        ui.diffLayout = layout;
        context.rerender();
      },
    });
    button.setAttribute('aria-pressed', String(ui.diffLayout === layout));
    button.dataset.focusKey = `diff-layout:${layout}`;
    button.dataset.testid = `diff-layout-${layout}`;
    return button;
  };
  const body = h('div', { className: `diff-body ${ui.diffLayout}` });
  const whole = ui.wholeDiffs.has(chosen.key);
  const drawn = renderDiff(
    chosen.oldName,
    chosen.newName,
    chosen.oldText,
    chosen.newText,
    ui.diffLayout,
    whole ? Number.POSITIVE_INFINITY : FIRST_DRAW_DIFF_LINES,
  );
  body.appendChild(drawn.fragment);
  if (drawn.hiddenChangedLines > 0) {
    const showAll = createButton({
      label: t('diffShowAll', drawn.hiddenChangedLines),
      appearance: 'secondary',
      onClick: () => {
        ui.wholeDiffs.add(chosen.key);
        context.rerender();
      },
    });
    showAll.dataset.focusKey = `diff-show-all:${chosen.key}`;
    showAll.dataset.testid = 'diff-show-all';
    body.appendChild(showAll);
  }
  return h(
    'section',
    { className: 'diff-section', testId: 'diff-view', attrs: { 'aria-label': t('diffHeading') } },
    [
      h('h2', { text: t('diffHeading') }),
      h('div', { className: 'toolbar' }, [
        select,
        layoutButton('side-by-side', t('diffSideBySide')),
        layoutButton('line-by-line', t('diffLineByLine')),
      ]),
      body,
    ],
  );
}
