/**
 * Apply = one WorkspaceEdit replacing exactly the text selected at request time (one undo
 * step). If the document changed since, the original text is found again and the user confirms
 * the updated diff; if it is gone, nothing is written (issue 4: never overwrite the user's edit).
 */
import * as vscode from 'vscode';
import type { ConsensusResult } from '../../core/consensus-types';
import type { ExtensionServices } from '../extension-services';
import { isAgreedStatus } from '../../shared/run-view-state';
import { locateOriginalText } from './locate-original-text';
import { showResultDiff } from './show-result-diff';
import { fitProductToSelection } from './fit-product-to-selection';
import { chromeText } from '../notify/chrome-text';
import type { SelectionTarget } from '../run/selection-target';

export type ApplyOutcome = 'applied' | 'declined' | 'stale' | 'not-applicable' | 'failed';

export async function applyConsensusResult(
  services: ExtensionServices,
  runId: string,
): Promise<ApplyOutcome> {
  const applicable = await applicableProduct(services, runId);
  if (typeof applicable === 'string') return applicable;
  const { target, product } = applicable;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const located = locateOriginalText(target, {
    text: document.getText(),
    version: document.version,
  });

  if (located.kind === 'not-found') {
    const message = vscode.l10n.t(
      'Not applied: the text selected in {0} was changed since the run started, and the council’s result would overwrite your edit. Copy the result or run the council again.',
      chromeText(target.label),
    );
    services.log.warn(`run ${runId}: apply refused, original text no longer in ${target.path}`);
    services.runs.setApplyState(runId, 'stale', { kind: 'warning', text: message });
    void vscode.window.showWarningMessage(message);
    return 'stale';
  }
  if (located.kind === 'relocated') {
    const start = document.positionAt(located.startOffset);
    if (!(await confirmRelocated(services, runId, target, product, start))) return 'declined';
  }
  return writeProduct(services, runId, target, product, document, located.startOffset);
}

/** The run's product fitted to its selection, or why there is nothing to apply (said to the user). */
async function applicableProduct(
  services: ExtensionServices,
  runId: string,
): Promise<{ target: SelectionTarget; product: string } | ApplyOutcome> {
  const target = services.runs.targetOf(runId);
  if (services.runs.applyStateOf(runId) === 'applied') {
    void vscode.window.showInformationMessage(vscode.l10n.t('This result was already applied.'));
    return 'applied';
  }
  const result = await services.council.getResult(runId);
  const rawProduct =
    result && 'product' in result ? (result as ConsensusResult).product : undefined;
  if (!target || rawProduct === undefined) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('This run has no code result to apply. Use Copy instead.'),
    );
    return 'not-applicable';
  }
  if (!isAgreedStatus((result as ConsensusResult).status)) {
    // A cancelled, failed or over-budget run has only an unreviewed draft (the panel offers
    // "Open draft" for it); it never replaces the user's code.
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'This run did not reach an agreement, so its draft cannot be applied. Open the draft to review it.',
      ),
    );
    return 'not-applicable';
  }
  return { target, product: fitProductToSelection(target.text, rawProduct) };
}

/** The selected text moved: show the diff and ask (modal) whether to apply it where it is now. */
async function confirmRelocated(
  services: ExtensionServices,
  runId: string,
  target: SelectionTarget,
  product: string,
  start: vscode.Position,
): Promise<boolean> {
  await showResultDiff(
    services,
    runId,
    target,
    product,
    target.text,
    vscode.l10n.t('document changed'),
  );
  const apply = vscode.l10n.t('Apply');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} changed since the run started. The selected text is unchanged and now starts at line {1}. Apply the result there?',
      chromeText(target.path),
      start.line + 1,
    ),
    { modal: true },
    apply,
  );
  return choice === apply;
}

/**
 * Selects the applied text in the editors that show it: otherwise VS Code keeps the old
 * selection's shifted remains over part of the new text. The edit wrote the product with the
 * document's line endings.
 */
function selectApplied(document: vscode.TextDocument, start: vscode.Position, product: string) {
  const written =
    document.eol === vscode.EndOfLine.CRLF ? product.replace(/\r?\n/g, '\r\n') : product;
  const end = document.positionAt(document.offsetAt(start) + written.length);
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document === document) editor.selection = new vscode.Selection(start, end);
  }
}

/** One WorkspaceEdit (one undo step), after checking once more that the original text is there. */
async function writeProduct(
  services: ExtensionServices,
  runId: string,
  target: SelectionTarget,
  product: string,
  document: vscode.TextDocument,
  startOffset: number,
): Promise<ApplyOutcome> {
  // Re-check right before writing: the user may have typed while the dialog was open.
  const recheck = locateOriginalText(
    { text: target.text, startOffset, version: document.version },
    { text: document.getText(), version: document.version },
  );
  if (recheck.kind !== 'unchanged') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Not applied: {0} changed again. Run Apply once more to review it.',
        chromeText(target.path),
      ),
    );
    return 'declined';
  }
  const range = new vscode.Range(
    document.positionAt(recheck.startOffset),
    document.positionAt(recheck.endOffset),
  );
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, product);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) {
    services.log.error(`run ${runId}: the editor rejected the WorkspaceEdit`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The editor could not apply the result.'));
    return 'failed';
  }
  selectApplied(document, range.start, product);
  services.log.info(`run ${runId}: applied to ${target.label}`);
  services.runs.setApplyState(runId, 'applied', {
    kind: 'info',
    text: vscode.l10n.t('Applied to {0}. Undo reverts it in one step.', chromeText(target.label)),
  });
  return 'applied';
}
