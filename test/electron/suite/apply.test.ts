/**
 * Apply replaces exactly the original selection in one undo step, and never overwrites text the
 * user changed after the request (issue 4, acceptance 3). The run's result is injected by
 * wrapping the council's getResult: the engine itself is covered by the core and e2e suites.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConsensusResult } from '../../../src/core/consensus-types';
import { activateExtension } from './extension-under-test';
import { captureSelection } from '../../../src/extension/run/selection-target';
import { applyConsensusResult } from '../../../src/extension/apply/apply-consensus-result';

const PRODUCT =
  'export function add(a: number, b: number): number {\n  return b + a; // council\n}';

function fakeResult(runId: string, original: string): ConsensusResult {
  return {
    runId,
    status: 'unanimous',
    stopReason: 'converged',
    product: PRODUCT,
    outputKind: 'code',
    roundsCompleted: 1,
    converged: true,
    ratifications: [],
    minorityReport: [],
    abstentions: [],
    participants: [],
    singleVendor: false,
    signals: [],
    cost: {
      usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
      costUsd: 0,
      unpricedCalls: 0,
      calls: 0,
    },
    originalSelection: original,
    startedAt: 0,
    finishedAt: 0,
  };
}

async function openSample(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.joinPath(folder.uri, 'sample.ts'),
  );
  return vscode.window.showTextDocument(document);
}

export function registerApplyTests(): void {
  describe('applying a consensus result', () => {
    let restore: (() => void) | undefined;
    afterEach(async () => {
      restore?.();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    async function prepare(runId: string) {
      const { services } = await activateExtension();
      const editor = await openSample();
      const text = editor.document.getText();
      const start = editor.document.positionAt(text.indexOf('export function add'));
      const end = editor.document.positionAt(text.indexOf('}') + 1);
      editor.selection = new vscode.Selection(start, end);
      const target = captureSelection(editor);
      assert.ok(target);
      services.runs.registerTarget(runId, target);
      const original = services.council.getResult.bind(services.council);
      services.council.getResult = async (id: string) =>
        id === runId ? fakeResult(runId, target.text) : original(id);
      restore = () => {
        services.council.getResult = original;
      };
      return { services, editor, target, before: text };
    }

    it('replaces exactly the selection, undone in one step', async () => {
      const { services, editor, target, before } = await prepare('electron-apply-1');
      assert.equal(await applyConsensusResult(services, 'electron-apply-1'), 'applied');
      const after = editor.document.getText();
      assert.equal(after, before.replace(target.text, PRODUCT));
      assert.ok(after.includes("'Hello ' + name"), 'text outside the selection is untouched');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before);
    });

    it('refuses after the user edited the selected text', async () => {
      const { services, editor } = await prepare('electron-apply-2');
      const userEdit = editor.document
        .getText()
        .replace('return a + b;', 'return a + b + 1; // mine');
      await editor.edit((builder) =>
        builder.replace(
          new vscode.Range(
            editor.document.positionAt(0),
            editor.document.positionAt(editor.document.getText().length),
          ),
          userEdit,
        ),
      );
      assert.equal(await applyConsensusResult(services, 'electron-apply-2'), 'stale');
      assert.equal(editor.document.getText(), userEdit, 'the user edit is kept');
      assert.equal(services.runs.applyStateOf('electron-apply-2'), 'stale');
    });
  });
}
