/**
 * A cap on vendor calls in flight across every run of this process: each participant's model
 * waits for a slot of one shared p-limit before its call goes out (cancel still works while it
 * waits: the engine's signal aborts the call as soon as it starts).
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { LanguageModel } from '../core/language-model';
import type { Participant } from '../core/participant';

export const DEFAULT_MAX_CONCURRENT_MODEL_CALLS = 16;

export function modelCallLimit(maxConcurrentCalls: number): LimitFunction {
  return pLimit(Math.max(1, maxConcurrentCalls));
}

export function limitModelCalls(model: LanguageModel, limit: LimitFunction): LanguageModel {
  return {
    provider: model.provider,
    modelId: model.modelId,
    generate: (request) => limit(() => model.generate(request)),
  };
}

export function withCallLimit(participants: Participant[], limit: LimitFunction): Participant[] {
  return participants.map((participant) => ({
    ...participant,
    languageModel: limitModelCalls(participant.languageModel, limit),
  }));
}
