/** What a consensus run has learned so far, read by its rounds and by the result it ends with. */
import type {
  DeadlockSignal,
  Proposal,
  Ratification,
  RoundSignals,
  RunNotice,
} from './consensus-types';
import type { RoundHistory } from './detect-deadlock';
import { pickBest } from './pick-best';
import type { ReviewRound } from './review-and-merge';

export interface ConsensusState {
  /** The settled proposals of the round under review. */
  current: Proposal[];
  /** The newest proposal of each participant, for "the best so far" before a round settled. */
  latest: Map<string, Proposal>;
  signals: RoundSignals[];
  history: RoundHistory[];
  ratifications: Ratification[];
  lastMeans: Record<string, number>;
  lastReview: ReviewRound | undefined;
  notices: RunNotice[];
  roundsCompleted: number;
  converged: boolean;
  finalSkipped: boolean;
  deadlockSignal: DeadlockSignal | undefined;
}

export function newConsensusState(): ConsensusState {
  return {
    current: [],
    latest: new Map(),
    signals: [],
    history: [],
    ratifications: [],
    lastMeans: {},
    lastReview: undefined,
    notices: [],
    roundsCompleted: 0,
    converged: false,
    finalSkipped: false,
    deadlockSignal: undefined,
  };
}

/** The provisional best: of the round's settled proposals, else of each participant's newest. */
export function bestSoFar(state: ConsensusState): Proposal | undefined {
  return pickBest(
    state.current.length > 0 ? state.current : [...state.latest.values()],
    state.lastMeans,
  );
}
