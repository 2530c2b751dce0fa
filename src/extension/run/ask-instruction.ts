/**
 * The instruction for a run: a quick pick of the recent ones that also accepts free text (what
 * the user types becomes the first item), so one widget covers both.
 */
import * as vscode from 'vscode';
import type { RecentInstructions } from './recent-instructions';

export function askInstruction(
  recent: RecentInstructions,
  options: { title: string; placeholder: string },
): Promise<string | undefined> {
  const history = recent.list();
  const recentLabel = vscode.l10n.t('recent');
  const toItems = (typed: string): vscode.QuickPickItem[] => [
    ...(typed.trim() !== '' && !history.includes(typed.trim())
      ? [{ label: typed.trim(), description: vscode.l10n.t('new instruction') }]
      : []),
    ...history.map((label) => ({ label, description: recentLabel })),
  ];
  const pick = vscode.window.createQuickPick();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = false;
  pick.items = toItems('');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      pick.items = toItems(value);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.label ?? pick.value;
      if (chosen.trim() === '') return;
      finish(chosen.trim());
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
