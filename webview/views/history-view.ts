/** Past runs: reopen, export (JSON / Markdown) and re-run. The host owns the list. */
import { h } from '../dom-builder';
import { createButton } from '../toolkit-components';
import type { RunSummary } from '../../src/shared/council-service';
import type { RenderContext } from './render-context';

export function renderHistory(history: RunSummary[], context: RenderContext): HTMLElement {
  const { t, post } = context;
  const action = (
    label: string,
    ariaLabel: string,
    key: string,
    onClick: () => void,
  ): HTMLElement => {
    const button = createButton({ label, ariaLabel, appearance: 'secondary', onClick });
    button.dataset.focusKey = key;
    return button;
  };
  const items = history.map((run) => {
    const when = new Date(run.startedAt).toLocaleString();
    const state = run.outcome ?? t(`state_${run.state}`);
    return h('li', { className: 'history-item', attrs: { 'data-run-id': run.runId } }, [
      h('div', { className: 'history-title', text: run.title }),
      h('div', {
        className: 'history-meta',
        text: `${when} · ${run.protocol} · ${state} · ${run.participants.map((p) => p.displayName).join(', ')}`,
      }),
      h('div', { className: 'toolbar' }, [
        action(t('open'), t('openAria', run.title), `open:${run.runId}`, () =>
          post({ type: 'open-run', runId: run.runId }),
        ),
        action(t('exportJson'), t('exportJsonAria', run.title), `json:${run.runId}`, () =>
          post({ type: 'export-run', runId: run.runId, format: 'json' }),
        ),
        action(t('exportMarkdown'), t('exportMarkdownAria', run.title), `md:${run.runId}`, () =>
          post({ type: 'export-run', runId: run.runId, format: 'markdown' }),
        ),
        action(t('rerun'), t('rerunAria', run.title), `rerun:${run.runId}`, () =>
          post({ type: 'rerun', runId: run.runId }),
        ),
      ]),
    ]);
  });
  return h('section', { className: 'history', attrs: { 'aria-label': t('historyHeading') } }, [
    h('h2', { text: t('historyHeading') }),
    items.length
      ? h('ul', { className: 'history-list', testId: 'history-list' }, items)
      : h('p', {
          className: 'history-list empty',
          testId: 'history-list',
          text: t('historyEmpty'),
        }),
  ]);
}
