/**
 * The engine's public operations. STUBS: issue 2 replaces each body with the real
 * implementation in its own module and re-exports it here; the signatures are the contract the
 * extension, the MCP server and the CLI are written against.
 */
import type { ConsensusInput, ConsensusResult } from './consensus-types';
import type { VoteInput, VoteResult } from './vote-types';
import type { EngineDependencies, VoteDependencies } from './engine-dependencies';
import type {
  CombineResult,
  ConvergenceCheckInput,
  FinalVersion,
  IterationInput,
  IterationResult,
  ParticipantMatch,
  RunEstimate,
} from './engine-api-types';
import type { RoundSignals } from './consensus-types';
import type { ParticipantInfo } from './participant';
import type { TranscriptRecord } from './transcript-record';
import type { CostEstimator } from './host-services';

const notYet = (name: string): never => {
  throw new Error(`${name} is not implemented yet`);
};

export async function runConsensus(
  _input: ConsensusInput,
  _deps: EngineDependencies,
): Promise<ConsensusResult> {
  return notYet('runConsensus');
}

export async function runVote(_input: VoteInput, _deps: VoteDependencies): Promise<VoteResult> {
  return notYet('runVote');
}

export async function runIteration(
  _input: IterationInput,
  _deps: EngineDependencies,
): Promise<IterationResult> {
  return notYet('runIteration');
}

export function checkConvergence(_input: ConvergenceCheckInput): RoundSignals {
  return notYet('checkConvergence');
}

export function combineFinals(_finals: FinalVersion[]): CombineResult {
  return notYet('combineFinals');
}

export function rankParticipantsForTask(
  _task: string,
  _requiredSkills: string[],
  _participants: ParticipantInfo[],
): ParticipantMatch[] {
  return notYet('rankParticipantsForTask');
}

export function estimateRun(
  _input: Pick<ConsensusInput, 'maxRounds' | 'task' | 'context'>,
  _participants: ParticipantInfo[],
  _cost: CostEstimator,
): RunEstimate {
  return notYet('estimateRun');
}

export function transcriptToMarkdown(_records: TranscriptRecord[]): string {
  return notYet('transcriptToMarkdown');
}

/** Normalised divergence of two texts, 0 = identical, 1 = nothing shared. */
export function textDivergence(_a: string, _b: string): number {
  return notYet('textDivergence');
}
