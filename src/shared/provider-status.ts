/** Which providers are ready, as the panel shows it. Never carries a key. */
export interface ProviderReadiness {
  provider: string;
  displayName: string;
  keyPresent: boolean;
  /** e.g. "vscode-lm" needs no key. */
  needsKey: boolean;
  models: string[];
}
