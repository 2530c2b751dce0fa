/** The ways a consensus run stops before its rounds end, thrown by a step and caught by the run. */
import type { Phase } from './consensus-types';
import type { RunContext } from './run-context';
import type { Budget } from './consensus-types';
import { QUORUM } from './run-defaults';

export class NoQuorumError extends Error {}

export class BudgetStop extends Error {}

export function requireQuorum(count: number, phase: Phase): void {
  if (count < QUORUM)
    throw new NoQuorumError(
      `Only ${count} participant(s) answered the ${phase} phase; a run needs at least ${QUORUM}.`,
    );
}

/** Stops the run when `nextCalls` more calls like the average so far would break the budget. */
export function checkBudget(
  context: RunContext,
  budget: Budget | undefined,
  nextCalls: number,
): void {
  if (context.wouldExceed(budget, nextCalls)) throw new BudgetStop();
}
