/** The core's deadlock wording (src/core/deadlock-wording.ts) for the panel, which sees only src/shared. */
export { isSoundMeasure, sayDeadlock, type DeadlockPhrases } from '../core/deadlock-wording';
