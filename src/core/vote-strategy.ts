/** When a vote's strategy is reached, and how many voters a vote takes. */
import type { VoteStrategy } from './vote-types';

export const MIN_VOTERS = 2;
export const MAX_VOTERS = 7;

export function strategyReached(
  strategy: VoteStrategy,
  agreeing: number,
  responding: number,
): boolean {
  if (responding < MIN_VOTERS) return false;
  switch (strategy) {
    case 'majority':
      return agreeing * 2 > responding;
    case 'supermajority':
      return agreeing * 3 >= responding * 2;
    case 'unanimous':
      return agreeing === responding;
  }
}
