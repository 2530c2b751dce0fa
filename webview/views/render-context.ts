/** What every view needs: strings, the channel to the host, and the panel's own UI state. */
import type { Localize } from '../l10n/localize';
import type { PostToHost } from '../vscode-api';
import type { DiffLayout } from '../render-diff';
import type { ApplyState } from '../../src/shared/host-to-webview';

export interface UiState {
  diffLayout: DiffLayout;
  /** Key of the chosen comparison in the diff view; the default one when unset. */
  diffChoice?: string;
  /** Comparisons the user asked to see whole (long diffs show their first hunks at first). */
  wholeDiffs: Set<string>;
  /** Keys of the <details> the user opened, so a view rebuilt from a snapshot reopens them. */
  openDetails: Set<string>;
}

export interface RenderContext {
  t: Localize;
  post: PostToHost;
  ui: UiState;
  applyState: ApplyState;
  /** Wide enough for side-by-side layouts (the editor-area view, a widened side bar). */
  wide: boolean;
  /** Which webview this is: the side-bar view offers "Open Debate in Editor". */
  view: 'sidebar' | 'editor';
  /** Render again after a purely local change (a toggle, a choice). */
  rerender(): void;
}
