import type { Participant } from './participant';
import type { RunEventListener } from './run-events';
import type { Clock, CostEstimator, TranscriptSink } from './host-services';

/** Everything a run needs from its host. Only `participants` is required. */
export interface EngineDependencies {
  participants: Participant[];
  onEvent?: RunEventListener;
  transcript?: TranscriptSink;
  clock?: Clock;
  cost?: CostEstimator;
  /** Aborting ends the run within a second with status `cancelled`, aborting calls in flight. */
  signal?: AbortSignal;
  /**
   * Aborting stops the run at once with the best proposal so far (status `provisional`, its
   * reasons and scores kept); the calls in flight are recorded as not needed.
   */
  finishEarly?: AbortSignal;
}

export interface VoteDependencies extends EngineDependencies {
  /** A judge that is not among the voters; when absent or unusable, local clustering is used. */
  judge?: Participant;
}
