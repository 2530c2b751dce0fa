/**
 * The panel's lifecycle (docs/STYLE.md, "Explicit webview lifecycle"): post `ready`, accept only parsed host messages, apply
 * snapshots newer than the last one, then fold run events into the view with the shared
 * reducer. The host owns the truth; this holds only a projection plus local UI choices.
 */
import { parseHostMessage, type PanelSnapshot } from '../src/shared/host-to-webview';
import { buildRunView, reduceRunView, type RunViewState } from '../src/shared/run-view-state';
import { h } from './dom-builder';
import { createLocalizer, type Localize } from './l10n/localize';
import { interceptLinkClicks } from './render-markdown';
import type { HostChannel } from './vscode-api';
import type { RenderContext, UiState } from './views/render-context';
import { createTaskForm, type TaskForm } from './views/task-form';
import { renderProviders } from './views/providers-view';
import { renderHistory } from './views/history-view';
import { renderRun } from './views/run-view';

export class PanelController {
  private snapshot: PanelSnapshot | undefined;
  private run: RunViewState | undefined;
  private t: Localize = createLocalizer('en');
  private locale = '';
  private form: TaskForm | undefined;
  private renderQueued = false;
  private readonly ui: UiState = {
    diffLayout: 'side-by-side',
    openDetails: new Set(),
    wholeDiffs: new Set(),
  };
  private readonly formSlot = h('div', { className: 'form-slot' });
  private readonly noticeSlot = h('div', { className: 'notice-slot' });
  private readonly providersSlot = h('div', { className: 'providers-slot' });
  private readonly runSlot = h('div', { className: 'run-slot' });
  private readonly historySlot = h('div', { className: 'history-slot' });

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
    }
  }

  start(): void {
    this.restoreUiState();
    interceptLinkClicks(this.root.ownerDocument);
    this.root.append(
      this.formSlot,
      this.noticeSlot,
      this.providersSlot,
      this.runSlot,
      this.historySlot,
    );
    this.setLocale(document.documentElement.lang || 'en');
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
      if (event.type === 'run-started' && this.run?.runId !== event.runId)
        this.ui.openDetails.clear();
      this.run = reduceRunView(this.run?.runId === event.runId ? this.run : undefined, event);
      this.scheduleRender();
    }
  }

  private setLocale(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.t = createLocalizer(locale);
    document.documentElement.lang = locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    this.form = createTaskForm(this.t, this.host.post);
    this.formSlot.replaceChildren(this.form.element);
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
      rerender: () => this.render(),
    };
  }

  private render(): void {
    this.host.setState({ diffLayout: this.ui.diffLayout });
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    const context = this.context();
    const { t } = context;
    const snapshot = this.snapshot;
    this.form?.setBusy(this.run?.status === 'running');
    const notice = snapshot?.notice;
    this.noticeSlot.replaceChildren(
      ...(notice
        ? [
            h('div', {
              className: `callout notice ${notice.kind}`,
              attrs: { role: notice.kind === 'error' ? 'alert' : 'status' },
              text: notice.text,
            }),
          ]
        : []),
    );
    this.providersSlot.replaceChildren(
      ...(snapshot ? [renderProviders(snapshot.providers, context)] : []),
    );
    this.runSlot.replaceChildren(
      this.run
        ? renderRun(this.run, context)
        : h('div', { className: 'empty-state callout', testId: 'empty-state' }, [
            h('strong', { text: t('emptyTitle') }),
            h('p', { text: t('emptyBody') }),
          ]),
    );
    this.historySlot.replaceChildren(renderHistory(snapshot?.history ?? [], context));
    if (focusKey) {
      const again = this.root.querySelector<HTMLElement>(
        `[data-focus-key="${CSS.escape(focusKey)}"]`,
      );
      again?.focus();
    }
  }
}
