/** The resource URIs of a run's artefacts (registered in register-run-resources). */
export const transcriptUri = (runId: string): string =>
  `mlo://runs/${encodeURIComponent(runId)}/transcript`;
export const finalUri = (runId: string): string => `mlo://runs/${encodeURIComponent(runId)}/final`;
