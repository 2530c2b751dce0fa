/**
 * A LanguageModel that plays one member of the scripted simulated debate. It streams its
 * answer at a watchable pace (a few seconds a call, so a whole run takes tens of seconds),
 * stops at once when the call is aborted, and counts its calls per phase to know the round.
 */
import type { LanguageModel, ModelRequest, ModelResponse } from '../../core/language-model';
import { abortableDelay } from '../common/abortable-delay';
import {
  clustersAnswer,
  draftAnswer,
  finalAnswer,
  mergeAnswer,
  ratificationAnswer,
  reviewAnswer,
  voteAnswer,
} from './simulated-answers';
import { readSimulatedInput } from './read-simulated-input';
import { memberOf, SIMULATED_PROVIDER_ID, type SimulatedMember } from './simulated-provider';

export interface SimulatedModelOptions {
  /** 1 = the demo's pace; 0 = no waits (tests). */
  pace?: number;
}

/** How long one call of each phase streams at pace 1, before the member's own speed. */
const PHASE_MS: Record<string, number> = {
  draft: 4_000,
  review: 4_500,
  merge: 4_500,
  final: 3_000,
  ratification: 2_000,
  vote_answer: 2_000,
  vote_clusters: 1_500,
};
const SPEED: Record<SimulatedMember, number> = { Ada: 1, Basil: 0.75, Cleo: 1.25 };
const DELTA_MS = 60;

export class SimulatedLanguageModel implements LanguageModel {
  readonly provider = SIMULATED_PROVIDER_ID;
  private readonly member: SimulatedMember;
  private readonly calls = new Map<string, number>();

  constructor(
    readonly modelId: string,
    private readonly options: SimulatedModelOptions = {},
  ) {
    this.member = memberOf(modelId);
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const phase = request.jsonSchema?.name ?? 'text';
    // A repair re-ask repeats the call it repairs; it is not the next round.
    const repair = request.messages.length > 1;
    const count = (this.calls.get(phase) ?? 0) + (repair ? 0 : 1);
    this.calls.set(phase, Math.max(count, 1));
    const text = this.answer(phase, Math.max(count, 1), request);
    await this.stream(text, PHASE_MS[phase] ?? 2_000, request);
    const input =
      request.system.length + request.messages.reduce((n, m) => n + m.content.length, 0);
    return {
      text,
      usage: {
        inputTokens: Math.ceil(input / 4),
        outputTokens: Math.ceil(text.length / 4),
        cachedInputTokens: 0,
      },
      finishReason: 'stop',
      modelId: this.modelId,
    };
  }

  private answer(phase: string, round: number, request: ModelRequest): string {
    const input = readSimulatedInput(request);
    const member = this.member;
    const value = {
      draft: () => draftAnswer(member, input),
      review: () => reviewAnswer(member, round, input),
      merge: () => mergeAnswer(member, round, input),
      final: () => finalAnswer(member, input),
      ratification: () => ratificationAnswer(member),
      vote_answer: () => voteAnswer(member, input),
      vote_clusters: () => clustersAnswer(input),
    }[phase];
    if (value) return JSON.stringify(value());
    return `A simulated answer to: ${input.task.slice(0, 200)}`;
  }

  private async stream(text: string, phaseMs: number, request: ModelRequest): Promise<void> {
    const pace = this.options.pace ?? 1;
    const durationMs = phaseMs * SPEED[this.member] * pace;
    const steps = Math.max(1, Math.round(durationMs / DELTA_MS));
    const size = Math.ceil(text.length / steps);
    for (let at = 0; at < text.length; at += size) {
      if (pace > 0) await abortableDelay(DELTA_MS, request.signal, this.provider);
      else if (request.signal.aborted) await abortableDelay(0, request.signal, this.provider);
      request.onTextDelta?.(text.slice(at, at + size));
    }
  }
}

export function createSimulatedModel(
  modelId: string,
  options?: SimulatedModelOptions,
): LanguageModel {
  return new SimulatedLanguageModel(modelId, options);
}
