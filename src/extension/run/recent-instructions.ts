/** The last instructions the user gave, most recent first, kept across sessions in globalState. */
import type * as vscode from 'vscode';

const KEY = 'multiLlm.recentInstructions';
const LIMIT = 10;

export class RecentInstructions {
  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  }

  async remember(instruction: string): Promise<void> {
    const trimmed = instruction.trim();
    if (trimmed === '') return;
    const next = [trimmed, ...this.list().filter((s) => s !== trimmed)].slice(0, LIMIT);
    await this.state.update(KEY, next);
  }
}
