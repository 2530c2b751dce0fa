/**
 * One deadlock finding of each signal (src/core/detect-deadlock.ts), for the tests of the hosts
 * that say them in their language (test/cli/deadlock-text.test.ts,
 * test/webview/deadlock-text.test.ts). A signal added to DeadlockMeasure without one here fails
 * the typecheck.
 */
import type { DeadlockMeasure } from '../../src/core/consensus-types';

export const EVERY_DEADLOCK_SIGNAL: {
  [S in DeadlockMeasure['signal']]: Extract<DeadlockMeasure, { signal: S }>;
} = {
  'frozen-scores': { signal: 'frozen-scores', moves: [0.125, 0.05], limit: 0.25 },
  'repeated-critique': {
    signal: 'repeated-critique',
    similarity: 1,
    round: 1,
    previousRound: 0,
  },
  'no-new-information': {
    signal: 'no-new-information',
    change: 0.0123,
    sinceRound: 2,
    limit: 0.02,
  },
};
