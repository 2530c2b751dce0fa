/** Past runs: reopen, export (JSON / Markdown) and re-run. The host owns the list. */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { button } from '../toolkit-components';
import type { RunSummary } from '../../src/shared/council-service';
import type { RenderContext } from './render-context';

export function renderHistory(history: RunSummary[], context: RenderContext): TemplateResult {
  const { t, post } = context;
  const action = (label: string, ariaLabel: string, onClick: () => void): TemplateResult =>
    button({ label, ariaLabel, appearance: 'secondary', onClick });
  const item = (run: RunSummary): TemplateResult => {
    const when = new Date(run.startedAt).toLocaleString();
    const state = run.outcome ?? t(`state_${run.state}`);
    const who = run.participants.map((p) => p.displayName).join(', ');
    return html`<li class="history-item" data-run-id=${run.runId}>
      <div class="history-title">${run.title}</div>
      <div class="history-meta">${when} · ${run.protocol} · ${state} · ${who}</div>
      <div class="toolbar">
        ${action(t('open'), t('openAria', run.title), () => post({ type: 'open-run', runId: run.runId }))}
        ${action(t('exportJson'), t('exportJsonAria', run.title), () =>
          post({ type: 'export-run', runId: run.runId, format: 'json' }),
        )}
        ${action(t('exportMarkdown'), t('exportMarkdownAria', run.title), () =>
          post({ type: 'export-run', runId: run.runId, format: 'markdown' }),
        )}
        ${action(t('rerun'), t('rerunAria', run.title), () => post({ type: 'rerun', runId: run.runId }))}
      </div>
    </li>`;
  };
  return html`<section class="history" aria-label=${t('historyHeading')}>
    <h2>${t('historyHeading')}</h2>
    ${
      history.length
        ? html`<ul class="history-list" data-testid="history-list">
            ${repeat(history, (run) => run.runId, item)}
          </ul>`
        : html`<p class="history-list empty" data-testid="history-list">${t('historyEmpty')}</p>`
    }
  </section>`;
}
