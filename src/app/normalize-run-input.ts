/**
 * A run request as the engine gets it: checked for an empty task or question, with the
 * settings' round cap, thresholds and budget filled in where the request leaves them out.
 */
import type { ConsensusInput } from '../core/consensus-types';
import type { VoteInput } from '../core/vote-types';
import type { StartConsensusRequest } from '../shared/council-service';
import { ConfigurationError } from './configuration-error';
import type { CouncilSettings } from './council-settings';

export function normalizeConsensusInput(
  request: StartConsensusRequest,
  settings: CouncilSettings,
): ConsensusInput & { maxRounds: number } {
  if (request.input.task.trim() === '') {
    throw new ConfigurationError('The task is empty; say what the council should do.', undefined, {
      kind: 'empty-task',
    });
  }
  const budget = request.input.budget ?? settings.budget;
  return {
    ...request.input,
    maxRounds: request.input.maxRounds ?? settings.maxRounds,
    thresholds: { ...settings.thresholds, ...request.input.thresholds },
    ...(budget ? { budget } : {}),
    ...(settings.scheduling || request.input.scheduling
      ? { scheduling: { ...settings.scheduling, ...request.input.scheduling } }
      : {}),
  };
}

export function checkVoteInput(input: VoteInput): VoteInput {
  if (input.question.trim() === '') {
    throw new ConfigurationError(
      'The question is empty; say what the voters should answer.',
      undefined,
      { kind: 'empty-question' },
    );
  }
  return input;
}
