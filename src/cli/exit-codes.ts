/** Exit codes of `mlo` (documented in --help). */
export const EXIT_OK = 0;
/** The run failed, was cancelled, or ended without agreement (provisional, deadlock, budget, vote not reached). */
export const EXIT_NOT_REACHED = 1;
/** Bad usage or configuration (unknown flag, no keys, unknown provider). */
export const EXIT_USAGE = 2;
