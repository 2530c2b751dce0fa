/**
 * Something the user should fix about a configured participant before (or while) it runs: its
 * model is deprecated or past shutdown by the vendor's own list, the vendor does not list it,
 * or a cost budget is set and no price source knows it. Shown by the CLI (stderr), the MCP
 * results, the panel's provider list and, as a fixed localised warning, the editor.
 */
export type ModelNoteKind = 'deprecated' | 'retired' | 'unknown' | 'unpriced';

export interface ModelNote {
  participantId: string;
  provider: string;
  model: string;
  kind: ModelNoteKind;
  /** The vendor's shutdown / retirement date, as its list gave it. */
  shutdownDate?: string;
  /** One English sentence for logs, the CLI and MCP results (ids from the user's own settings). */
  message: string;
  /** Where to fix it, e.g. "multiLlm.participants" or "MLO_PARTICIPANTS / --participants". */
  setting: string;
  /** `unpriced`: the cost budget (USD) that cannot count it, and the token cap it is held to instead. */
  costBudgetUsd?: number;
  tokenCap?: number;
}
