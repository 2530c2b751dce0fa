/**
 * The panel's lifecycle (docs/STYLE.md, "Explicit webview lifecycle"): post `ready`, accept only parsed host messages, apply
 * snapshots newer than the last one, then fold run events into the view with the shared
 * reducer. The host owns the truth; this holds only a projection plus local UI choices.
 *
 * Rendering is Lit's: at most once per animation frame the whole view is described as
 * templates and Lit updates only the bindings whose values changed (a token delta rewrites
 * one text node). No element is ever re-created for an update, so focus, text selection,
 * scroll positions and open sections stay as the user left them, and the panel never calls
 * focus() itself: keystrokes typed in the editor or the command palette stay there.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { parseHostMessage, type PanelSnapshot } from '../src/shared/host-to-webview';
import { buildRunView, reduceRunView, type RunViewState } from '../src/shared/run-view-state';
import { createLocalizer, type Localize } from './l10n/localize';
import { interceptLinkClicks } from './render-markdown';
import type { HostChannel } from './vscode-api';
import type { RenderContext, UiState } from './views/render-context';
import { renderTaskForm, type TaskFormState } from './views/task-form';
import { renderProviders } from './views/providers-view';
import { renderHistory } from './views/history-view';
import { renderRun } from './views/run-view';
import { button } from './toolkit-components';

/** Wider than this (the editor-area view, a widened side bar) the diff can go side by side. */
const WIDE_PX = 640;

export class PanelController {
  private snapshot: PanelSnapshot | undefined;
  private run: RunViewState | undefined;
  private t: Localize = createLocalizer('en');
  private locale = '';
  private renderQueued = false;
  private wide = false;
  private readonly form: TaskFormState = { message: '' };
  private readonly ui: UiState = {
    diffLayout: 'side-by-side',
    openDetails: new Set(),
    wholeDiffs: new Set(),
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostChannel,
  ) {}

  /** The diff layout survives the view being hidden and re-created (VS Code's webview state). */
  private restoreUiState(): void {
    const saved = this.host.getState();
    if (typeof saved === 'object' && saved !== null) {
      const layout = (saved as { diffLayout?: unknown }).diffLayout;
      if (layout === 'side-by-side' || layout === 'line-by-line') this.ui.diffLayout = layout;
      const open = (saved as { openDetails?: unknown }).openDetails;
      if (Array.isArray(open)) {
        for (const key of open) if (typeof key === 'string') this.ui.openDetails.add(key);
      }
    }
  }

  start(): void {
    this.restoreUiState();
    interceptLinkClicks(this.root.ownerDocument);
    this.setLocale(document.documentElement.lang || 'en');
    this.wide = window.innerWidth >= WIDE_PX;
    window.addEventListener('resize', () => {
      const wide = window.innerWidth >= WIDE_PX;
      if (wide === this.wide) return;
      this.wide = wide;
      this.scheduleRender();
    });
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    this.render();
    this.host.post({ type: 'ready' });
  }

  receive(raw: unknown): void {
    const message = parseHostMessage(raw);
    if (!message) return;
    if (message.type === 'snapshot') {
      const snapshot = message.snapshot;
      if (this.snapshot && snapshot.version <= this.snapshot.version) return;
      this.snapshot = snapshot;
      this.setLocale(snapshot.locale);
      this.run = snapshot.activeRun ? buildRunView(snapshot.activeRun.events) : undefined;
      this.scheduleRender();
      return;
    }
    const event = message.event;
    if (event.runId !== message.runId) return;
    if (event.type === 'run-started' || !this.run || this.run.runId === event.runId) {
      // A new run (from a command, MCP or this panel) takes over the view.
      if (event.type === 'run-started' && this.run?.runId !== event.runId) {
        this.ui.openDetails.clear();
      }
      this.run = reduceRunView(this.run?.runId === event.runId ? this.run : undefined, event);
      this.scheduleRender();
    }
  }

  private setLocale(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.t = createLocalizer(locale);
    document.documentElement.lang = locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }

  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private context(): RenderContext {
    const active = this.snapshot?.activeRun;
    const applyState =
      active && this.run && active.runId === this.run.runId ? active.applyState : 'pending';
    return {
      t: this.t,
      post: this.host.post,
      ui: this.ui,
      applyState,
      wide: this.wide,
      view: document.body.dataset.view === 'editor' ? 'editor' : 'sidebar',
      rerender: () => this.scheduleRender(),
    };
  }

  /**
   * With a run on screen the run comes first (its status and timeline fill the first screen
   * of the side bar), then the task input; without one, which providers are ready comes
   * before the task input.
   */
  private view(context: RenderContext): TemplateResult {
    const { t } = context;
    const snapshot = this.snapshot;
    const notice = snapshot?.notice;
    const run = this.run;
    const form = html`<div class="form-slot">
      ${renderTaskForm(context, this.form, run?.status === 'running')}
    </div>`;
    const providers = html`<div class="providers-slot">
      ${snapshot ? renderProviders(snapshot.providers, context) : nothing}
    </div>`;
    const noticeSlot = html`<div class="notice-slot">
      ${
        notice
          ? html`<div
              class="callout notice ${notice.kind}"
              role=${notice.kind === 'error' ? 'alert' : 'status'}
            >
              ${notice.text}
            </div>`
          : nothing
      }
    </div>`;
    const history = html`<div class="history-slot">
      ${renderHistory(snapshot?.history ?? [], context)}
    </div>`;
    // One DOM order for both layouts (CSS `order` moves the slots), so a run starting while
    // the user types a task never re-creates the task input under their fingers.
    return html`<div class="panel-layout ${run ? 'has-run' : 'no-run'}">
      ${noticeSlot}
      <div class="run-slot">
        ${
          run
            ? keyed(run.runId, renderRun(run, context))
            : html`<div class="empty-state callout" data-testid="empty-state">
                <strong>${t('emptyTitle')}</strong>
                <p>${t('emptyBody')}</p>
                <p>${t('trySimulatedBody')}</p>
                <div class="toolbar">
                  ${button({
                    label: t('trySimulated'),
                    ariaLabel: t('trySimulatedAria'),
                    appearance: 'secondary',
                    testId: 'try-simulated-button',
                    onClick: () => this.host.post({ type: 'try-simulated' }),
                  })}
                </div>
              </div>`
        }
      </div>
      ${providers}${form}${history}
    </div>`;
  }

  /** Public for the benchmark, which measures one update without waiting for a frame. */
  render(): void {
    this.host.setState({ diffLayout: this.ui.diffLayout, openDetails: [...this.ui.openDetails] });
    render(this.view(this.context()), this.root);
  }
}
