/**
 * The quick vote's poll (docs/PROTOCOL.md "Quick vote"): every voter is asked at once, and the
 * poll returns as soon as no outstanding answer can change the verdict under the strategy. The
 * calls still in flight are then aborted and recorded as not needed. A quick poll has its own
 * small retry budget: a permanent error abstains at once, a transient one gets one short retry.
 */
import type { VoteAnswer, VoteStrategy } from './vote-types';
import type { Participant } from './participant';
import type { RunContext } from './run-context';
import { callParticipant, type CallOutcome } from './call-participant';
import { SCHEMAS, type VoteAnswerOutput } from './structured-schemas';
import { voteAnswerPrompt } from './consensus-prompts';
import { clusterAnswersLocally } from './cluster-answers';
import { raceCancel } from './race-cancel';
import { ModelError, toModelError } from './model-error';

/** One retry of a transient failure, after at most this long: a dead voter costs one short wait. */
export const QUICK_POLL_RETRY = { maxRetries: 1, maxDelayMs: 250 } as const;

export interface PollOutcome {
  /** Per voter, in voter order: its outcome, or undefined when it was not needed. */
  outcomes: (CallOutcome<VoteAnswerOutput> | undefined)[];
  /** Voters whose answer the verdict no longer needed (their calls were aborted). */
  notNeeded: string[];
}

export interface PollInput {
  question: string;
  context?: string;
  strategy: VoteStrategy;
  /** The verdict rule (kept in run-vote). */
  reached: (strategy: VoteStrategy, agreeing: number, responding: number) => boolean;
}

export async function pollVoters(
  context: RunContext,
  voters: Participant[],
  input: PollInput,
): Promise<PollOutcome> {
  const outcomes: (CallOutcome<VoteAnswerOutput> | undefined)[] = voters.map(() => undefined);
  const stops = voters.map(() => new AbortController());
  let outstanding = voters.length;
  await raceCancel(
    context,
    new Promise<void>((resolve) => {
      const settle = (index: number, outcome: CallOutcome<VoteAnswerOutput>) => {
        if (outcomes[index] !== undefined || stops[index]!.signal.aborted) return;
        outcomes[index] = outcome;
        outstanding -= 1;
        record(context, voters[index]!, outcome);
        const answers = answersOf(voters, outcomes);
        if (outstanding === 0 || verdictSettled(input, answers, outstanding)) resolve();
      };
      voters.forEach((voter, index) => {
        callParticipant(context, {
          participant: voter,
          phase: 'vote',
          round: 1,
          prompt: voteAnswerPrompt(input.question, input.context, voter.persona),
          schema: SCHEMAS.voteAnswer,
          stop: stops[index]!.signal,
          retry: QUICK_POLL_RETRY,
        }).then(
          (outcome) => settle(index, outcome),
          (error: unknown) => {
            if (context.cancelled) return; // raceCancel ends the poll
            settle(index, { ok: false, error: unexpected(voter, error) });
          },
        );
      });
    }),
  );
  const notNeeded = voters.filter((_voter, index) => outcomes[index] === undefined);
  if (notNeeded.length > 0) {
    for (const [index, stop] of stops.entries())
      if (outcomes[index] === undefined) stop.abort('decided');
    // Every call in flight now belongs to a voter that is not needed (the judge has not started).
    context.abandonInFlight('decided');
  }
  return { outcomes, notNeeded: notNeeded.map((voter) => voter.id) };
}

/**
 * True when no way the outstanding voters could answer (join any group, or fail) changes the
 * verdict: the same winner stays reached, or no group can reach the strategy. The groups are the
 * local similarity clusters of the answers so far; the final grouping is still the judge's.
 */
export function verdictSettled(
  input: PollInput,
  answers: VoteAnswer[],
  outstanding: number,
): boolean {
  if (outstanding === 0) return true;
  const sizes = clusterAnswersLocally(answers)
    .map((cluster) => cluster.participantIds.length)
    .sort((a, b) => b - a);
  const responding = answers.length;
  const top = sizes[0] ?? 0;
  const second = sizes[1] ?? 0;
  const joiners = Array.from({ length: outstanding + 1 }, (_v, j) => j);
  const stillReached =
    top > second + outstanding &&
    joiners.every((j) => input.reached(input.strategy, top, responding + j));
  if (stillReached) return true;
  return [...sizes, 0].every((size) =>
    joiners.every((j) => !input.reached(input.strategy, size + j, responding + j)),
  );
}

function answersOf(
  voters: Participant[],
  outcomes: (CallOutcome<VoteAnswerOutput> | undefined)[],
): VoteAnswer[] {
  return voters.flatMap((voter, index) => {
    const outcome = outcomes[index];
    return outcome?.ok ? [{ participantId: voter.id, answer: outcome.value.answer }] : [];
  });
}

function record(
  context: RunContext,
  voter: Participant,
  outcome: CallOutcome<VoteAnswerOutput>,
): void {
  if (outcome.ok) {
    context.emit({ type: 'vote-cast', participantId: voter.id, answer: outcome.value.answer });
    return;
  }
  context.emit({
    type: 'abstained',
    abstention: { participantId: voter.id, phase: 'vote', round: 1, error: outcome.error.toJSON() },
  });
}

function unexpected(voter: Participant, error: unknown): ModelError {
  const failure = toModelError(error, voter.provider, voter.model);
  return failure.kind === 'unknown'
    ? new ModelError({
        kind: 'unknown',
        message: 'The call failed unexpectedly.',
        provider: voter.provider,
        modelId: voter.model,
      })
    : failure;
}
