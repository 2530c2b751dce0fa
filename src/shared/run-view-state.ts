/**
 * What the panel shows of one run, derived from the run's event stream alone (docs/ARCHITECTURE.md,
 * "The event flow": the panel is a projection of the one stream). The parts live in their own
 * modules: the shapes (run-view-types.ts), the settings read from `run-started`
 * (run-view-settings.ts), the pure reducer (reduce-run-view.ts) and the questions the panel
 * asks of a view (run-view-queries.ts). This module is the one the panel and the host import.
 */
export type { CallView, CostView, RoundView, RunViewState, RunViewStatus } from './run-view-types';
export { buildRunView, reduceRunView } from './reduce-run-view';
export {
  AGREED_STATUSES,
  debateRoundOf,
  finalStatusOf,
  isAgreedStatus,
  lastScoredRound,
  latestCallByParticipant,
  participantName,
  scoreMatrixOf,
  type ScoreMatrix,
} from './run-view-queries';

// The panel (webview/) may import only src/shared: it gets the core types it renders from here.
export type {
  Abstention,
  ConsensusResult,
  Phase,
  Proposal,
  Ratification,
  ReviewerReport,
  RoundSignals,
  RunNotice,
  Thresholds,
} from '../core/consensus-types';
export type { ParticipantInfo } from '../core/participant';
export type { RunEvent } from '../core/run-events';
export type { VoteResult } from '../core/vote-types';
