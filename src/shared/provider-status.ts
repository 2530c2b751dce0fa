import type { ModelNote } from './model-note';

/** Which providers are ready, as the panel shows it. Never carries a key. */
export interface ProviderReadiness {
  provider: string;
  displayName: string;
  keyPresent: boolean;
  /** e.g. "vscode-lm" needs no key. */
  needsKey: boolean;
  models: string[];
  /**
   * Configured models of this provider its vendor lists as deprecated / retired or does not
   * list, or that have no price under a cost budget, each with the setting to change.
   */
  notes?: ModelNote[];
}
