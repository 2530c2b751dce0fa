/** Exit codes of `mlo` (documented in --help). */
export const EXIT_OK = 0;
/** The run failed, was cancelled, or ended without agreement (provisional, deadlock, budget, vote not reached). */
export const EXIT_NOT_REACHED = 1;
/** Bad usage or configuration (unknown flag, no keys, unknown provider). */
export const EXIT_USAGE = 2;
/** The run succeeded, but its transcript could not be fully written (disk full): see stderr. */
export const EXIT_TRANSCRIPT_INCOMPLETE = 3;

/** A reached run whose transcript is incomplete exits 3; not reached stays 1. */
export function exitCodeOf(reached: boolean, result: { transcriptIncomplete?: true }): number {
  if (!reached) return EXIT_NOT_REACHED;
  return result.transcriptIncomplete ? EXIT_TRANSCRIPT_INCOMPLETE : EXIT_OK;
}
