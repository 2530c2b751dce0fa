/** The whole run: status and Cancel, error, result, live cards, signals, cost, diff, rounds. */
import { h, type Child } from '../dom-builder';
import { createButton, createProgressRing } from '../toolkit-components';
import { finalStatusOf, type RunViewState } from '../../src/shared/run-view-state';
import { renderParticipants } from './participants-view';
import { renderRound } from './round-view';
import { renderCost, renderSignals } from './signals-view';
import { renderDiffView } from './diff-view';
import { renderAbstentions, renderResult, renderVotes } from './result-view';
import type { RenderContext } from './render-context';

function statusText(state: RunViewState, context: RenderContext): string {
  const { t } = context;
  if (state.status === 'running') {
    if (!state.phase) return t('statusStarting');
    return t('statusRunning', t(`phase_${state.phase}`), state.round, state.maxRounds);
  }
  const status = finalStatusOf(state) ?? '';
  return status === 'failed' ? t('statusFailed') : t('statusFinished', status);
}

function renderStatusBar(state: RunViewState, context: RenderContext): HTMLElement {
  const { t, post } = context;
  const running = state.status === 'running';
  const children: Child[] = [];
  if (running) {
    const ring = createProgressRing(t('runningAria'));
    ring.classList.add('progress');
    children.push(ring);
  }
  children.push(
    h('span', {
      className: 'run-status',
      testId: 'run-status',
      attrs: { role: 'status', 'aria-live': 'polite' },
      text: statusText(state, context),
    }),
  );
  if (running) {
    const cancel = createButton({
      label: t('cancel'),
      ariaLabel: t('cancelAria'),
      appearance: 'secondary',
      onClick: () => post({ type: 'cancel-run', runId: state.runId }),
    });
    cancel.dataset.testid = 'cancel-button';
    cancel.dataset.focusKey = 'cancel-button';
    children.push(cancel);
    if (state.protocol === 'consensus') {
      const stop = createButton({
        label: t('finishEarly'),
        ariaLabel: t('finishEarlyAria'),
        appearance: 'secondary',
        onClick: () => post({ type: 'finish-early', runId: state.runId }),
      });
      stop.dataset.testid = 'finish-early-button';
      stop.dataset.focusKey = 'finish-early-button';
      children.push(stop);
    }
  }
  return h('div', { className: `status-bar ${state.status}` }, [
    h('h2', { className: 'task-title', text: state.task }),
    h('div', { className: 'status-line' }, children),
  ]);
}

function renderError(state: RunViewState, context: RenderContext): HTMLElement | undefined {
  if (state.status !== 'failed' || !state.error) return undefined;
  return h(
    'div',
    { className: 'error-state callout error', testId: 'error-state', attrs: { role: 'alert' } },
    [
      h('strong', { text: context.t('errorTitle') }),
      h('p', { text: state.error.message }),
      state.error.hint ? h('p', { className: 'hint', text: state.error.hint }) : null,
    ],
  );
}

export function renderRun(state: RunViewState, context: RenderContext): HTMLElement {
  const rounds = [...state.rounds].reverse().map((round) => renderRound(state, round, context));
  return h(
    'section',
    { className: 'run', attrs: { 'aria-label': state.task, 'data-run-id': state.runId } },
    [
      renderStatusBar(state, context),
      renderError(state, context),
      renderResult(state, context),
      renderAbstentions(state, context),
      renderVotes(state, context),
      renderParticipants(state, context),
      renderSignals(state, context),
      renderCost(state, context),
      renderDiffView(state, context),
      ...rounds,
    ],
  );
}
