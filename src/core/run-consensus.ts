/**
 * The Consensus Protocol v2 (PROTOCOL.md): drafts → (review → score → merge)* → final →
 * combine → ratify. Round r's merged proposals are scored by the reviews that open round r+1,
 * so one review call is both convergence evidence and input to the next merge.
 */
import type {
  ConsensusInput,
  ConsensusResult,
  ConsensusStatus,
  Proposal,
  Ratification,
  RoundSignals,
  StopReason,
  Abstention,
  DeadlockSignal,
  Phase,
  RunNotice,
} from './consensus-types';
import type { EngineDependencies } from './engine-dependencies';
import { toParticipantInfo, type Participant } from './participant';
import { RunContext } from './run-context';
import { RunCancelledError, callParticipant, type CallOutcome } from './call-participant';
import { SCHEMAS } from './structured-schemas';
import { draftPrompt, finalPrompt, ratificationPrompt, type TaskFrame } from './consensus-prompts';
import { checkConvergence, resolveThresholds } from './check-convergence';
import { detectDeadlock, type RoundHistory } from './detect-deadlock';
import { combineFinals } from './combine-finals';
import { randomSeed } from './seeded-random';
import { reviewPhase, mergePhase, scoredProposals, type ReviewRound } from './review-and-merge';
import { peerViewFor } from './peer-view';
import { displayOrder } from './round-labels';
import { noUsableReviewsNotice } from './run-notices';
import { pickBest } from './pick-best';
import { newRunId } from './run-id';
import { settleParticipants } from './settle-participants';

export const DEFAULT_MAX_ROUNDS = 4;
export const MAX_ROUNDS_LIMIT = 8;
export const QUORUM = 2;
/** Abstaining in this many phases in a row drops a participant for the rest of the run. */
export const DROP_OUT_AFTER_ABSTENTIONS = 2;
const PERMANENT_ERROR_KINDS: ReadonlySet<string> = new Set(['auth', 'quota', 'model-not-found']);

class NoQuorumError extends Error {}
class BudgetStop extends Error {}

export async function runConsensus(
  input: ConsensusInput,
  deps: EngineDependencies,
): Promise<ConsensusResult> {
  const runId = input.runId ?? newRunId();
  const context = new RunContext(runId, deps);
  const startedAt = context.clock.now();
  const maxRounds = Math.min(
    MAX_ROUNDS_LIMIT,
    Math.max(1, Math.floor(input.maxRounds ?? DEFAULT_MAX_ROUNDS)),
  );
  const thresholds = resolveThresholds(input.thresholds);
  const seed = input.seed ?? randomSeed();
  const participants = deps.participants;
  const frame: TaskFrame = {
    task: input.task,
    outputKind: input.outputKind,
    ...(input.context ? { context: input.context } : {}),
  };
  const singleVendor = new Set(participants.map((participant) => participant.provider)).size <= 1;

  context.emit({
    type: 'run-started',
    protocol: 'consensus',
    participants: participants.map(toParticipantInfo),
    input: { ...input, runId },
    settings: { maxRounds, thresholds, seed, budget: input.budget ?? null, singleVendor },
  });

  const state = {
    current: [] as Proposal[],
    signals: [] as RoundSignals[],
    history: [] as RoundHistory[],
    abstentions: [] as Abstention[],
    ratifications: [] as Ratification[],
    lastMeans: {} as Record<string, number>,
    lastReview: undefined as ReviewRound | undefined,
    notices: [] as RunNotice[],
    roundsCompleted: 0,
    converged: false,
    deadlockSignal: undefined as DeadlockSignal | undefined,
  };

  // A participant that cannot answer (a rejected key, no quota, an unknown model) or that
  // abstained in two phases in a row sits out the rest of the run: calling it again would only
  // add retries and minutes to every phase. It stays in the result as an abstainer.
  const consecutiveAbstentions = new Map<string, number>();
  const droppedOut = new Set<string>();
  const active = () => participants.filter((participant) => !droppedOut.has(participant.id));

  const abstain = (
    participant: Participant,
    phase: Phase,
    round: number,
    outcome: CallOutcome<unknown>,
  ) => {
    if (outcome.ok) {
      consecutiveAbstentions.set(participant.id, 0);
      return;
    }
    const strikes = (consecutiveAbstentions.get(participant.id) ?? 0) + 1;
    consecutiveAbstentions.set(participant.id, strikes);
    const permanent = PERMANENT_ERROR_KINDS.has(outcome.error.kind);
    if (permanent || strikes >= DROP_OUT_AFTER_ABSTENTIONS) droppedOut.add(participant.id);
    const abstention: Abstention = {
      participantId: participant.id,
      phase,
      round,
      error: outcome.error.toJSON(),
      ...(droppedOut.has(participant.id) ? { droppedOut: true } : {}),
    };
    state.abstentions.push(abstention);
    context.emit({ type: 'abstained', abstention });
  };

  const phaseCalls = async <T>(
    phase: Phase,
    round: number,
    who: Participant[],
    call: (participant: Participant) => Promise<CallOutcome<T>>,
  ) => {
    context.emit({ type: 'phase-started', phase, round });
    const settled = await raceCancel(
      context,
      settleParticipants(who, call, (participant, error) =>
        abstain(participant, phase, round, { ok: false, error }),
      ),
    );
    const outcomes = settled.map(({ participant, value }) => ({ participant, outcome: value }));
    for (const { participant, outcome } of outcomes) abstain(participant, phase, round, outcome);
    return outcomes;
  };

  const checkBudget = (nextCalls: number) => {
    if (context.wouldExceed(input.budget, nextCalls)) throw new BudgetStop();
  };

  const finish = async (
    status: ConsensusStatus,
    stopReason: StopReason,
    product?: Proposal,
    error?: { message: string; hint?: string },
  ): Promise<ConsensusResult> => {
    const result: ConsensusResult = {
      runId,
      status,
      stopReason,
      ...(product ? { product: product.product, rationale: product.rationale } : {}),
      outputKind: input.outputKind,
      roundsCompleted: state.roundsCompleted,
      converged: state.converged,
      ...(state.deadlockSignal ? { deadlockSignal: state.deadlockSignal } : {}),
      ...(state.notices.length > 0 ? { notices: state.notices } : {}),
      ratifications: state.ratifications,
      minorityReport: state.ratifications.filter((ratification) => ratification.vote !== 'approve'),
      abstentions: state.abstentions,
      participants: participants.map(toParticipantInfo),
      singleVendor,
      signals: state.signals,
      cost: context.summary(),
      ...(input.outputKind === 'code' && input.context
        ? { originalSelection: input.context.selection }
        : {}),
      ...(error ? { error } : {}),
      startedAt,
      finishedAt: context.clock.now(),
    };
    if (status === 'failed' && error) context.emit({ type: 'run-failed', error });
    context.emit({ type: 'run-finished', protocol: 'consensus', result });
    await context.flush();
    context.dispose();
    return result;
  };

  const best = () => pickBest(state.current, state.lastMeans);

  try {
    if (participants.length < QUORUM)
      throw new NoQuorumError(
        `A consensus run needs at least ${QUORUM} participants; ${participants.length} configured.`,
      );

    // 1. Independent drafts: every request issued before any is awaited.
    const drafts = await phaseCalls('draft', 1, participants, (participant) =>
      callParticipant(context, {
        participant,
        phase: 'draft',
        round: 1,
        prompt: draftPrompt(frame, participant.persona),
        schema: SCHEMAS.draft,
      }),
    );
    state.current = collectProposals(context, drafts, 1, 'draft');
    requireQuorum(state.current.length, 'draft');

    let round = 1;
    while (true) {
      // 2. Cross review of the current proposals (drafts, or the previous round's merges).
      checkBudget(participants.length);
      const review: ReviewRound = await raceCancel(
        context,
        reviewPhase(context, frame, active(), state.current, round, seed, abstain),
      );
      requireQuorum(review.reports.length, 'review');
      state.lastMeans = review.meanScores;
      state.lastReview = review;
      if (review.reviews.length === 0) {
        const notice = noUsableReviewsNotice(round, review.reports);
        state.notices.push(notice);
        context.emit({ type: 'notice', notice });
      }

      // 4–5. Score the proposals the reviews were about (the previous round's merges).
      if (round > 1) {
        const scoredRound = round - 1;
        const signals = checkConvergence({
          ...scoredProposals(state.current, review),
          round: scoredRound,
          maxRounds,
          thresholds,
          ...(state.history.at(-1)?.meanScore !== undefined
            ? { previousMeanScore: state.history.at(-1)!.meanScore }
            : {}),
        });
        state.signals.push(signals);
        state.roundsCompleted = scoredRound;
        context.emit({ type: 'round-scored', signals });
        state.history.push({
          round: scoredRound,
          meanScore: review.meanOfAll,
          critique: review.critiqueText,
          merged: Object.fromEntries(
            state.current.map((proposal) => [proposal.participantId, proposal.product]),
          ),
        });
        if (signals.converged) {
          state.converged = true;
          break;
        }
        if (scoredRound >= maxRounds) break; // (d) the round cap.
        const deadlock = detectDeadlock(state.history);
        if (deadlock) {
          state.deadlockSignal = deadlock.signal;
          context.emit({
            type: 'deadlock',
            round: scoredRound,
            signal: deadlock.signal,
            detail: deadlock.detail,
          });
          return await finish('deadlock', 'deadlock', best());
        }
      } else {
        state.history.length = 0;
        state.history.push({
          round: 0,
          meanScore: review.meanOfAll,
          critique: review.critiqueText,
          merged: {},
        });
      }

      // 3. Merged proposals: every participant merges all proposals and reviews.
      checkBudget(participants.length);
      const merged = await raceCancel(
        context,
        mergePhase(context, frame, active(), state.current, review, round, seed, abstain),
      );
      requireQuorum(merged.length, 'merge');
      state.current = merged;
      round += 1;
    }

    // 7. Final versions, combined by majority hunks, then ratified by everyone.
    checkBudget(participants.length * 2);
    const finalsRound = state.roundsCompleted + 1;
    // The labels of the review that scored these proposals; each member sees them in its own
    // seeded order (no position is privileged), identities masked.
    const view = peerViewFor(context, participants, frame);
    const finalLabels = state.lastReview!.labels;
    const labelledFor = (participant: Participant) =>
      displayOrder(state.current, seed, 'final', finalsRound, participant.id).items.map(
        (proposal) => view.proposal(proposal, finalLabels.byAuthor[proposal.participantId]!),
      );
    const finals = await phaseCalls('final', finalsRound, active(), (participant) =>
      callParticipant(context, {
        participant,
        phase: 'final',
        round: finalsRound,
        prompt: finalPrompt(frame, participant.persona, labelledFor(participant)),
        schema: SCHEMAS.final,
      }),
    );
    const finalProposals = collectProposals(context, finals, finalsRound, 'final');
    requireQuorum(finalProposals.length, 'final');
    const combined = combineFinals(
      finalProposals.map((proposal) => ({
        participantId: proposal.participantId,
        product: proposal.product,
        meanScore: state.lastMeans[proposal.participantId] ?? 0,
      })),
    );
    context.emit({
      type: 'combined',
      product: combined.product,
      agreement: combined.agreement,
      decisions: combined.decisions,
    });

    checkBudget(participants.length);
    const votes = await phaseCalls('ratify', finalsRound, active(), (participant) =>
      callParticipant(context, {
        participant,
        phase: 'ratify',
        round: finalsRound,
        prompt: ratificationPrompt(
          frame,
          participant.persona,
          view.text(combined.product, 'product', {
            authorId: 'council',
            round: finalsRound,
            source: 'combined',
            field: 'product',
          }),
        ),
        schema: SCHEMAS.ratification,
      }),
    );
    for (const { participant, outcome } of votes) {
      if (!outcome.ok) continue;
      const ratification: Ratification = {
        participantId: participant.id,
        vote: outcome.value.vote,
        reasons: outcome.value.reasons,
      };
      state.ratifications.push(ratification);
      context.emit({ type: 'ratified', ratification });
    }
    requireQuorum(state.ratifications.length, 'ratify');
    const rationale = finalProposals.map((proposal) => proposal.rationale).filter(Boolean)[0] ?? '';
    const product: Proposal = {
      participantId: 'council',
      round: finalsRound,
      phase: 'final',
      product: combined.product,
      rationale,
    };
    const status = ratificationStatus(state.converged, participants.length, state.ratifications);
    return await finish(status, state.converged ? 'converged' : 'round-cap', product);
  } catch (error) {
    if (error instanceof RunCancelledError || context.cancelled)
      return await finish('cancelled', 'cancelled', best());
    if (error instanceof BudgetStop) return await finish('budget', 'budget', best());
    if (error instanceof NoQuorumError) {
      const who = state.abstentions.map(
        (abstention) =>
          `${participants.find((p) => p.id === abstention.participantId)?.displayName ?? abstention.participantId} (${abstention.phase}: ${abstention.error.message})`,
      );
      return await finish('failed', 'no-quorum', best(), {
        message: `${error.message}${who.length > 0 ? ` Abstained: ${[...new Set(who)].join('; ')}.` : ''}`,
        hint:
          state.abstentions.find((abstention) => abstention.error.hint)?.error.hint ??
          "Check the participants' keys and models, then run again.",
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    return await finish('failed', 'error', best(), {
      message: `The run stopped on an internal error: ${message}`,
    });
  }

  function requireQuorum(count: number, phase: Phase): void {
    if (count < QUORUM)
      throw new NoQuorumError(
        `Only ${count} participant(s) answered the ${phase} phase; a run needs at least ${QUORUM}.`,
      );
  }
}

export function ratificationStatus(
  converged: boolean,
  participantCount: number,
  ratifications: Ratification[],
): ConsensusStatus {
  if (!converged) return 'provisional';
  const objections = ratifications.filter((ratification) => ratification.vote === 'object').length;
  // Unanimous = every participant of the run answered and nobody objects; an abstainer is not agreement.
  if (objections === 0 && ratifications.length === participantCount) return 'unanimous';
  if (objections * 2 < ratifications.length) return 'majority';
  return 'provisional';
}

function collectProposals(
  context: RunContext,
  outcomes: {
    participant: Participant;
    outcome: CallOutcome<{ product: string; rationale: string; critiqueResponse?: string[] }>;
  }[],
  round: number,
  phase: Proposal['phase'],
): Proposal[] {
  const proposals: Proposal[] = [];
  for (const { participant, outcome } of outcomes) {
    if (!outcome.ok) continue;
    const proposal: Proposal = {
      participantId: participant.id,
      round,
      phase,
      product: outcome.value.product,
      rationale: outcome.value.rationale,
      ...(outcome.value.critiqueResponse
        ? { critiqueResponse: outcome.value.critiqueResponse }
        : {}),
    };
    proposals.push(proposal);
    context.emit({ type: 'proposal', proposal });
  }
  return proposals;
}

/** Rejects with RunCancelledError as soon as the run is cancelled, whatever the calls do. */
export function raceCancel<T>(context: RunContext, work: Promise<T>): Promise<T> {
  // The raced work may still reject after the run is cancelled; observe it so it is never unhandled.
  work.catch(() => undefined);
  if (context.cancelled) return Promise.reject(new RunCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunCancelledError());
    context.signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        context.signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        context.signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
