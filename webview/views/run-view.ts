/** The whole run: status and Cancel, error, result, live cards, signals, cost, diff, rounds. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { button, progressRing } from '../toolkit-components';
import type { RunViewState } from '../../src/shared/run-view-state';
import { renderParticipants } from './participants-view';
import { renderGlance } from './glance-view';
import { renderRound } from './round-view';
import { renderCost, renderSignals } from './signals-view';
import { renderDiffView } from './diff-view';
import { renderAbstentions, renderResult, renderVotes } from './result-view';
import type { RenderContext } from './render-context';
import { runStatusText } from './status-text';

function renderStatusBar(state: RunViewState, context: RenderContext): TemplateResult {
  const { t, post } = context;
  const running = state.status === 'running';
  return html`<div class="status-bar ${state.status}">
    <h2 class="task-title">${state.task}</h2>
    <div class="status-line">
      ${running ? progressRing(t('runningAria')) : nothing}
      <span class="run-status" data-testid="run-status" role="status" aria-live="polite"
        >${runStatusText(state, context.t)}</span
      >
      ${
        running
          ? button({
              label: t('cancel'),
              ariaLabel: t('cancelAria'),
              appearance: 'secondary',
              testId: 'cancel-button',
              onClick: () => post({ type: 'cancel-run', runId: state.runId }),
            })
          : nothing
      }
      ${
        running && state.protocol === 'consensus'
          ? button({
              label: t('finishEarly'),
              ariaLabel: t('finishEarlyAria'),
              appearance: 'secondary',
              testId: 'finish-early-button',
              onClick: () => post({ type: 'finish-early', runId: state.runId }),
            })
          : nothing
      }
      ${
        context.view === 'sidebar'
          ? button({
              label: t('openInEditor'),
              ariaLabel: t('openInEditorAria'),
              appearance: 'secondary',
              testId: 'open-in-editor-button',
              onClick: () => post({ type: 'open-in-editor' }),
            })
          : nothing
      }
    </div>
  </div>`;
}

function renderError(state: RunViewState, context: RenderContext): TemplateResult | typeof nothing {
  if (state.status !== 'failed' || !state.error) return nothing;
  return html`<div class="error-state callout error" data-testid="error-state" role="alert">
    <strong>${context.t('errorTitle')}</strong>
    <p>${state.error.message}</p>
    ${state.error.hint ? html`<p class="hint">${state.error.hint}</p>` : nothing}
  </div>`;
}

function renderTranscriptIncomplete(state: RunViewState, context: RenderContext) {
  if (!state.transcriptIncomplete) return nothing;
  return html`<p class="callout warning" data-testid="transcript-incomplete" role="status">
    ${context.t('transcriptIncomplete')}
  </p>`;
}

export function renderRun(state: RunViewState, context: RenderContext): TemplateResult {
  const rounds = [...state.rounds].reverse();
  return html`<section class="run" aria-label=${state.task} data-run-id=${state.runId}>
    ${renderStatusBar(state, context)} ${renderGlance(state, context)}
    ${renderError(state, context)} ${renderTranscriptIncomplete(state, context)}
    ${renderResult(state, context)} ${renderAbstentions(state, context)}
    ${renderVotes(state, context)} ${renderParticipants(state, context)}
    ${renderSignals(state, context)} ${renderCost(state, context)} ${renderDiffView(state, context)}
    ${repeat(
      rounds,
      (round) => round.round,
      (round) => renderRound(state, round, context),
    )}
  </section>`;
}
