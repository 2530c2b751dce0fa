/**
 * 2. Cross review of the current proposals (the drafts, or the previous round's merges): a
 * reviewer starts once the proposals it reviews exist (all of them in barrier mode), under the
 * round's one label map (docs/PROTOCOL.md "Labels").
 */
import type { ConsensusRun } from './consensus-run';
import type { Phase, ReviewerReport } from './consensus-types';
import { BudgetStop, requireQuorum } from './consensus-stops';
import type { PendingProposals } from './launch-proposals';
import type { Participant } from './participant';
import { settledProposals } from './phase-scheduler';
import { raceCancel } from './race-cancel';
import { reviewOne, roundLabelsFor, summarizeReviews, type ReviewRound } from './review-and-merge';
import type { RoundLabels } from './round-labels';
import { noUsableReviewsNotice } from './run-notices';

/**
 * Reviews the pending proposals of `round`; settles the round's proposals into the run's state
 * and returns the summarised reviews. Throws when the proposals or the reviews miss the quorum,
 * or when the budget stopped a reviewer.
 */
export async function runReviewRound(
  run: ConsensusRun,
  pending: PendingProposals,
  pendingPhase: Phase,
  round: number,
): Promise<ReviewRound> {
  const { context, state } = run;
  // The round's labels, from the run seed and the participant list alone, before any call:
  // every reviewer and merger of the round reads the same map.
  const labels = roundLabelsFor(run.participants, [], round, run.seed);
  context.emit({ type: 'labels-assigned', round, seed: labels.seed, labels: labels.byLabel });
  const budget = { hit: false };
  const reviewTasks = launchReviews(run, pending, labels, round, budget);
  state.current = await raceCancel(context, settledProposals(pending));
  requireQuorum(state.current.length, pendingPhase);
  const review = summarizeReviews(
    round,
    await raceCancel(context, Promise.all(reviewTasks)),
    labels,
  );
  if (budget.hit) throw new BudgetStop();
  requireQuorum(review.reports.length, 'review');
  state.lastMeans = review.meanScores;
  state.lastReview = review;
  if (review.reviews.length === 0) {
    const notice = noUsableReviewsNotice(round, review.reports);
    state.notices.push(notice);
    context.emit({ type: 'notice', notice });
  }
  return review;
}

function launchReviews(
  run: ConsensusRun,
  pending: PendingProposals,
  labels: RoundLabels,
  round: number,
  budget: { hit: boolean },
): Promise<ReviewerReport | undefined>[] {
  const reviewers = run.roster.active();
  const opened = run.scheduler.open('review', round);
  const barrier = run.scheduling.mode === 'barrier';
  return reviewers.map((reviewer: Participant) => {
    const inputs = settledProposals(pending, barrier ? undefined : reviewer.id);
    return run.scheduler.launch(
      reviewer,
      'review',
      round,
      opened,
      async (stop) => {
        const proposals = await inputs;
        // It may have dropped out (a rejected key on its own draft) while it waited.
        if (run.roster.hasDroppedOut(reviewer.id)) return undefined;
        if (run.context.wouldExceed(run.input.budget, reviewers.length)) {
          budget.hit = true;
          return undefined;
        }
        return reviewOne(
          run.context,
          run.frame,
          run.participants,
          reviewer,
          proposals,
          labels,
          round,
          run.seed,
          run.roster.abstain,
          stop,
        );
      },
      inputs,
    );
  });
}
