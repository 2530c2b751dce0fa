/** A council run queued on the team server: which protocol and the request as the tool built it. */
import type { StartConsensusRequest, StartVoteRequest } from '../shared/council-service';

export const COUNCIL_QUEUE = 'councils';

export type CouncilJobData =
  | { task_id: string; kind: 'consensus'; request: StartConsensusRequest }
  | { task_id: string; kind: 'vote'; request: StartVoteRequest };

/** The task record's agent_type of a council run. */
export const councilTaskType = (kind: CouncilJobData['kind']): string =>
  kind === 'vote' ? 'consensus_vote' : 'consensus';

export const isCouncilTaskType = (type: string): boolean =>
  type === 'consensus' || type === 'consensus_vote';
