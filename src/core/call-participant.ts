/**
 * One structured call to one participant: streams deltas as events, records usage and cost,
 * validates the JSON with zod, and re-asks exactly once when the output is malformed. A failure
 * comes back as a value (the caller records the abstention); only cancellation throws.
 */
import { ModelError, toModelError } from './model-error';
import type { ChatMessage, ModelRequest } from './language-model';
import type { NotNeededReason } from './run-events';
import type { Participant } from './participant';
import type { Phase } from './consensus-types';
import type { RunContext } from './run-context';
import { parseStructured, type StructuredSchema } from './structured-schemas';
import { repairMessage, type PromptParts } from './consensus-prompts';

export class RunCancelledError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelledError';
  }
}

export type CallOutcome<T> =
  | { ok: true; value: T; text: string }
  | {
      ok: false;
      error: ModelError;
      /** Set when the call was stopped on purpose (`stop`): not the participant's failure. */
      notNeeded?: NotNeededReason;
    };

export interface CallSpec<T> {
  participant: Participant;
  phase: Phase;
  round: number;
  prompt: PromptParts;
  schema: StructuredSchema<T>;
  maxOutputTokens?: number;
  /**
   * A completeness check on a valid answer (e.g. a review that skipped a proposal): a problem
   * description triggers the one repair re-ask; the answer is used either way.
   */
  check?: (value: T) => string | undefined;
  /**
   * Aborting stops this one call without cancelling the run; its reason (a NotNeededReason,
   * default 'decided') is recorded in a call-not-needed event.
   */
  stop?: AbortSignal;
  /** A tighter retry budget than the provider's default (the quick vote's). */
  retry?: ModelRequest['retry'];
}

export async function callParticipant<T>(
  context: RunContext,
  spec: CallSpec<T>,
): Promise<CallOutcome<T>> {
  const first = await attempt(context, spec, spec.prompt.messages, 0);
  if (!first.ok) return first;
  const parsed = parseStructured(spec.schema, first.text);
  const incomplete = parsed.ok ? spec.check?.(parsed.value) : undefined;
  if (parsed.ok && incomplete === undefined)
    return { ok: true, value: parsed.value, text: first.text };
  const problem = parsed.ok ? incomplete! : parsed.error;
  if (!parsed.ok) reportBadOutput(context, spec, first.callId, problem, true);

  const repairMessages: ChatMessage[] = [
    ...spec.prompt.messages,
    { role: 'assistant', content: first.text },
    repairMessage(problem),
  ];
  const second = await attempt(context, spec, repairMessages, 1);
  const usableFirst = parsed.ok
    ? { ok: true as const, value: parsed.value, text: first.text }
    : undefined;
  if (!second.ok) return usableFirst ?? second;
  const reparsed = parseStructured(spec.schema, second.text);
  if (reparsed.ok) return { ok: true, value: reparsed.value, text: second.text };
  // An incomplete but valid first answer beats an abstention; the caller records what is missing.
  if (usableFirst) return usableFirst;
  const error = reportBadOutput(context, spec, second.callId, reparsed.error, false);
  return { ok: false, error };
}

type AttemptOutcome =
  | { ok: true; text: string; callId: string }
  | { ok: false; error: ModelError; notNeeded?: NotNeededReason };

function notNeededReason(stop: AbortSignal): NotNeededReason {
  const reason: unknown = stop.reason;
  return reason === 'straggler' || reason === 'stopped' ? reason : 'decided';
}

function notNeededOutcome<T>(spec: CallSpec<T>, reason: NotNeededReason): AttemptOutcome {
  const { participant, phase } = spec;
  const message =
    reason === 'straggler'
      ? `${participant.displayName} was slower than the ${phase} phase's straggler deadline and sits out this phase; it is asked again in the next one.`
      : `${participant.displayName}'s ${phase} answer was no longer needed.`;
  return {
    ok: false,
    notNeeded: reason,
    error: new ModelError({
      kind: reason === 'straggler' ? 'timeout' : 'cancelled',
      message,
      provider: participant.provider,
      modelId: participant.model,
    }),
  };
}

async function attempt<T>(
  context: RunContext,
  spec: CallSpec<T>,
  messages: ChatMessage[],
  attemptNumber: number,
): Promise<AttemptOutcome> {
  if (context.cancelled) throw new RunCancelledError();
  if (spec.stop?.aborted) return notNeededOutcome(spec, notNeededReason(spec.stop));
  const { participant, phase, round } = spec;
  const callId = context.nextCallId(participant.id);
  const startedAt = context.clock.now();
  context.emit({
    type: 'call-started',
    callId,
    participantId: participant.id,
    phase,
    round,
    attempt: attemptNumber,
    system: spec.prompt.system,
    messages,
  });
  const call = context.callSignal(
    { callId, participantId: participant.id, phase, round, startedAt },
    spec.stop,
  );
  try {
    const response = await participant.languageModel.generate({
      system: spec.prompt.system,
      messages,
      jsonSchema: spec.schema.jsonSchema,
      ...(spec.maxOutputTokens === undefined ? {} : { maxOutputTokens: spec.maxOutputTokens }),
      ...(spec.retry === undefined ? {} : { retry: spec.retry }),
      signal: call.signal,
      onTextDelta: (delta) => {
        if (!context.cancelled)
          context.emit({
            type: 'token-delta',
            callId,
            participantId: participant.id,
            phase,
            round,
            delta,
          });
      },
    });
    if (context.cancelled) throw new RunCancelledError();
    const costUsd = context.recordUsage(
      participant.provider,
      response.modelId || participant.model,
      response.usage,
    );
    context.emit({
      type: 'call-finished',
      callId,
      participantId: participant.id,
      phase,
      round,
      text: response.text,
      usage: response.usage,
      latencyMs: context.clock.now() - startedAt,
      ...(costUsd === undefined ? {} : { costUsd }),
    });
    return { ok: true, text: response.text, callId };
  } catch (thrown) {
    return failedAttempt(context, spec, { callId, startedAt }, thrown);
  } finally {
    call.release();
  }
}

/** A call that threw: cancellation propagates; a stopped call was not needed; else it failed. */
function failedAttempt<T>(
  context: RunContext,
  spec: CallSpec<T>,
  call: { callId: string; startedAt: number },
  thrown: unknown,
): AttemptOutcome {
  const { participant, phase, round } = spec;
  const { callId, startedAt } = call;
  if (thrown instanceof RunCancelledError || context.cancelled) throw new RunCancelledError();
  if (spec.stop?.aborted) {
    const reason = notNeededReason(spec.stop);
    context.emit({
      type: 'call-not-needed',
      callId,
      participantId: participant.id,
      phase,
      round,
      reason,
      latencyMs: context.clock.now() - startedAt,
    });
    return notNeededOutcome(spec, reason);
  }
  if (context.wasAbandoned(callId)) return notNeededOutcome(spec, 'stopped');
  const error = toModelError(thrown, participant.provider, participant.model);
  context.emit({
    type: 'call-failed',
    callId,
    participantId: participant.id,
    phase,
    round,
    error: error.toJSON(),
    latencyMs: context.clock.now() - startedAt,
    willRepair: false,
  });
  return { ok: false, error };
}

function reportBadOutput<T>(
  context: RunContext,
  spec: CallSpec<T>,
  callId: string,
  detail: string,
  willRepair: boolean,
): ModelError {
  const error = new ModelError({
    kind: 'bad-output',
    message: `${spec.participant.displayName} answered the ${spec.phase} phase in a form that could not be used: ${detail.slice(0, 500)}`,
    provider: spec.participant.provider,
    modelId: spec.participant.model,
    hint: willRepair ? 'Asking once more for valid JSON.' : 'It abstains from this phase.',
  });
  context.emit({
    type: 'call-failed',
    callId,
    participantId: spec.participant.id,
    phase: spec.phase,
    round: spec.round,
    error: error.toJSON(),
    latencyMs: 0,
    willRepair,
  });
  return error;
}
