/**
 * The Consensus Protocol v2 (docs/PROTOCOL.md): drafts → (review → score → merge)* → final →
 * combine → ratify. Round r's merged proposals are scored by the reviews that open round r+1,
 * so one review call is both convergence evidence and input to the next merge.
 *
 * Scheduling is dataflow ("Scheduling" in docs/PROTOCOL.md): each call starts when its inputs
 * exist. A reviewer waits only for the other participants' proposals of the round (never for its
 * own draft or merge); a merger waits for every proposal and every review of the round, since it
 * reads them all. `scheduling.mode: 'barrier'` keeps the old phase-by-phase schedule.
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
import { draftPrompt, type TaskFrame } from './consensus-prompts';
import { checkConvergence, resolveThresholds } from './check-convergence';
import { detectDeadlock, type RoundHistory } from './detect-deadlock';
import { randomSeed } from './seeded-random';
import {
  reviewOne,
  mergeOne,
  roundLabelsFor,
  scoredProposals,
  summarizeReviews,
  type ReviewRound,
} from './review-and-merge';
import { noUsableReviewsNotice } from './run-notices';
import { pickBest } from './pick-best';
import { newRunId } from './run-id';
import { finalPhase } from './final-phase';
import { PhaseScheduler, resolveScheduling, settledProposals } from './phase-scheduler';
import { collectProposals, toProposal } from './collect-proposals';
import { ratificationStatus } from './ratification-status';

export { ratificationStatus } from './ratification-status';
import { raceCancel } from './race-cancel';

export { raceCancel } from './race-cancel';

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
  const scheduling = resolveScheduling(input.scheduling);
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
    settings: {
      maxRounds,
      thresholds,
      seed,
      budget: input.budget ?? null,
      singleVendor,
      scheduling,
    },
  });

  const state = {
    current: [] as Proposal[],
    /** The newest proposal of each participant, for "the best so far" before a round settled. */
    latest: new Map<string, Proposal>(),
    signals: [] as RoundSignals[],
    history: [] as RoundHistory[],
    abstentions: [] as Abstention[],
    ratifications: [] as Ratification[],
    lastMeans: {} as Record<string, number>,
    lastReview: undefined as ReviewRound | undefined,
    notices: [] as RunNotice[],
    roundsCompleted: 0,
    converged: false,
    finalSkipped: false,
    deadlockSignal: undefined as DeadlockSignal | undefined,
  };

  // A participant that cannot answer (a rejected key, no quota, an unknown model) or that
  // abstained in two phases in a row sits out the rest of the run: calling it again would only
  // add retries and minutes to every phase. It stays in the result as an abstainer. Passing the
  // straggler deadline is no strike: a slow participant is asked again in the next phase.
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
    if (outcome.notNeeded !== undefined && outcome.notNeeded !== 'straggler') return;
    const straggler = outcome.notNeeded === 'straggler';
    if (!straggler) {
      const strikes = (consecutiveAbstentions.get(participant.id) ?? 0) + 1;
      consecutiveAbstentions.set(participant.id, strikes);
      const permanent = PERMANENT_ERROR_KINDS.has(outcome.error.kind);
      if (permanent || strikes >= DROP_OUT_AFTER_ABSTENTIONS) droppedOut.add(participant.id);
    }
    const abstention: Abstention = {
      participantId: participant.id,
      phase,
      round,
      error: outcome.error.toJSON(),
      ...(droppedOut.has(participant.id) ? { droppedOut: true } : {}),
      ...(straggler ? { straggler: true } : {}),
    };
    state.abstentions.push(abstention);
    context.emit({ type: 'abstained', abstention });
  };

  const scheduler = new PhaseScheduler(context, abstain, scheduling.stragglerFactor, QUORUM);

  const proposalTask = (
    participant: Participant,
    outcome: CallOutcome<{ product: string; rationale: string; critiqueResponse?: string[] }>,
    phase: 'draft' | 'merge',
    round: number,
  ): Proposal | undefined => {
    abstain(participant, phase, round, outcome);
    if (!outcome.ok) return undefined;
    const proposal = toProposal(participant, outcome.value, round, phase);
    context.emit({ type: 'proposal', proposal });
    return proposal;
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
    scheduler.dispose();
    // Whatever is still in flight (a review started early, a straggler) is not waited for.
    if (!context.cancelled) context.abandonInFlight('stopped');
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
      ...(state.finalSkipped ? { finalSkipped: true } : {}),
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

  const best = () =>
    pickBest(
      state.current.length > 0 ? state.current : [...state.latest.values()],
      state.lastMeans,
    );

  try {
    if (participants.length < QUORUM)
      throw new NoQuorumError(
        `A consensus run needs at least ${QUORUM} participants; ${participants.length} configured.`,
      );

    // 1. Independent drafts: every request issued before any is awaited.
    const drafts = scheduler.open('draft', 1);
    let pending = new Map(
      participants.map((participant) => [
        participant.id,
        scheduler.launch(participant, 'draft', 1, drafts, async (stop) =>
          proposalTask(
            participant,
            await callParticipant(context, {
              participant,
              phase: 'draft',
              round: 1,
              prompt: draftPrompt(frame, participant.persona),
              schema: SCHEMAS.draft,
              ...(stop ? { stop } : {}),
            }),
            'draft',
            1,
          ),
        ),
      ]),
    );
    const track = (map: Map<string, Promise<Proposal | undefined>>) => {
      for (const task of map.values())
        void task.then(
          (proposal) => {
            if (proposal) state.latest.set(proposal.participantId, proposal);
          },
          () => undefined,
        );
    };
    track(pending);
    let pendingPhase: Phase = 'draft';

    let round = 1;
    while (true) {
      // 2. Cross review of the current proposals (drafts, or the previous round's merges): a
      // reviewer starts once the proposals it reviews exist (all of them in barrier mode).
      const reviewers = active();
      const reviews = scheduler.open('review', round);
      let budgetHit = false;
      const reviewRound = round;
      // The round's labels, from the run seed and the participant list alone, before any call:
      // every reviewer and merger of the round reads the same map (docs/PROTOCOL.md "Labels").
      const roundLabels = roundLabelsFor(participants, [], round, seed);
      context.emit({
        type: 'labels-assigned',
        round,
        seed: roundLabels.seed,
        labels: roundLabels.byLabel,
      });
      const reviewTasks = reviewers.map((reviewer) => {
        const inputs = settledProposals(
          pending,
          scheduling.mode === 'barrier' ? undefined : reviewer.id,
        );
        return scheduler.launch(
          reviewer,
          'review',
          reviewRound,
          reviews,
          async (stop) => {
            const proposals = await inputs;
            // It may have dropped out (a rejected key on its own draft) while it waited.
            if (droppedOut.has(reviewer.id)) return undefined;
            if (context.wouldExceed(input.budget, reviewers.length)) {
              budgetHit = true;
              return undefined;
            }
            return reviewOne(
              context,
              frame,
              participants,
              reviewer,
              proposals,
              roundLabels,
              reviewRound,
              seed,
              abstain,
              stop,
            );
          },
          inputs,
        );
      });
      state.current = await raceCancel(context, settledProposals(pending));
      requireQuorum(state.current.length, pendingPhase);
      const review = summarizeReviews(
        round,
        await raceCancel(context, Promise.all(reviewTasks)),
        roundLabels,
      );
      if (budgetHit) throw new BudgetStop();
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

      // 3. Merged proposals: a merger reads every proposal and every review of the round.
      checkBudget(participants.length);
      const merges = scheduler.open('merge', round);
      const current = state.current;
      const mergeRound = round;
      pending = new Map(
        active().map((merger) => [
          merger.id,
          scheduler.launch(merger, 'merge', mergeRound, merges, (stop) =>
            mergeOne(
              context,
              frame,
              participants,
              merger,
              current,
              review,
              mergeRound,
              seed,
              abstain,
              stop,
            ),
          ),
        ]),
      );
      track(pending);
      pendingPhase = 'merge';
      round += 1;
    }

    // 7. Final versions (skipped when the converged merges are identical), ratified by everyone.
    // The closing phases belong to the last debate round (docs/PROTOCOL.md "Rounds").
    const finalsRound = state.roundsCompleted;
    const lastSignals = state.signals.at(-1);
    state.finalSkipped =
      state.converged && !scheduling.alwaysRunFinal && lastSignals?.textDivergence === 0;
    const { product, ratifications } = await finalPhase({
      context,
      frame,
      seed,
      round: finalsRound,
      merged: state.current,
      participants,
      labels: state.lastReview!.labels,
      meanScores: state.lastMeans,
      skip: state.finalSkipped,
      who: active,
      phaseCalls: scheduler.phaseCalls,
      collect: (outcomes, round) => collectProposals(context, outcomes, round, 'final'),
      requireQuorum,
      checkBudget,
    });
    state.ratifications.push(...ratifications);
    const status = ratificationStatus(state.converged, participants.length, state.ratifications);
    return await finish(status, state.converged ? 'converged' : 'round-cap', product);
  } catch (error) {
    if (context.finishingEarly) return await finish('provisional', 'stopped', best());
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
