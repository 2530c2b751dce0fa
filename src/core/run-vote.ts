/**
 * The quick vote (seed 003): voters answer in parallel; a judge that is not a voter groups the
 * answers by meaning, or, when there is no usable judge, local similarity clustering does.
 */
import type { VoteInput, VoteResult } from './vote-types';
import type { VoteDependencies } from './engine-dependencies';
import { toParticipantInfo } from './participant';
import { RunCancelledError } from './call-participant';
import { pollVoters } from './poll-voters';
import { clusterAnswersLocally } from './cluster-answers';
import { openRun } from './open-run';
import { askVoteJudge } from './ask-vote-judge';
import { finishVote, type VoteRun } from './finish-vote';
import { MAX_VOTERS, MIN_VOTERS, strategyReached } from './vote-strategy';

export { MAX_VOTERS, MIN_VOTERS, strategyReached } from './vote-strategy';

export async function runVote(input: VoteInput, deps: VoteDependencies): Promise<VoteResult> {
  const vote = startVote(input, deps);
  try {
    if (vote.voters.length < MIN_VOTERS || vote.voters.length > MAX_VOTERS) {
      vote.error = {
        message: `A vote needs ${MIN_VOTERS} to ${MAX_VOTERS} voters; ${vote.voters.length} given.`,
        hint: 'Pass between 2 and 7 participants.',
      };
      return await finishVote(vote);
    }
    await pollInto(vote);
    if (vote.answers.length < MIN_VOTERS) {
      vote.error = tooFewAnswers(vote);
      return await finishVote(vote);
    }
    if (vote.judge) {
      const verdict = await askVoteJudge(
        vote.context,
        vote.judge,
        vote.voters,
        input.question,
        vote.answers,
        vote.seed,
      );
      if ('clusters' in verdict) {
        vote.clusters = verdict.clusters;
        vote.clusteredBy = 'model';
      } else vote.judgeFallback = verdict.fallback;
    }
    if (vote.clusteredBy === 'local-similarity')
      vote.clusters = clusterAnswersLocally(vote.answers);
    return await finishVote(vote);
  } catch (thrown) {
    vote.error =
      thrown instanceof RunCancelledError || vote.context.cancelled
        ? { message: 'The vote was cancelled.' }
        : {
            message: `The vote stopped on an internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
          };
    return await finishVote(vote);
  }
}

function startVote(input: VoteInput, deps: VoteDependencies): VoteRun & { seed: number } {
  const { runId, context, seed, startedAt } = openRun(input, deps);
  const voters = deps.participants;
  const voterIds = new Set(voters.map((voter) => voter.id));
  // A judge among the voters would grade its own answer: never allowed.
  const judge = deps.judge && !voterIds.has(deps.judge.id) ? deps.judge : undefined;
  context.emit({
    type: 'run-started',
    protocol: 'vote',
    participants: voters.map(toParticipantInfo),
    input: { ...input, runId },
    settings: { strategy: input.strategy, judge: judge ? toParticipantInfo(judge) : null, seed },
  });
  return {
    input,
    runId,
    context,
    startedAt,
    seed,
    voters,
    judge,
    answers: [],
    failed: [],
    notNeeded: [],
    clusters: [],
    clusteredBy: 'local-similarity',
    judgeFallback: judge
      ? undefined
      : deps.judge
        ? { kind: 'judge-is-voter', judge: deps.judge.id }
        : { kind: 'no-judge' },
    error: undefined,
  };
}

/** Polls the voters; answers in voter order (not arrival order), so labels do not depend on speed. */
async function pollInto(vote: VoteRun): Promise<void> {
  vote.context.emit({ type: 'phase-started', phase: 'vote', round: 1 });
  const poll = await pollVoters(vote.context, vote.voters, {
    question: vote.input.question,
    ...(vote.input.context ? { context: vote.input.context } : {}),
    strategy: vote.input.strategy,
    reached: strategyReached,
  });
  vote.notNeeded.push(...poll.notNeeded);
  vote.voters.forEach((voter, index) => {
    const outcome = poll.outcomes[index];
    if (!outcome) return;
    if (outcome.ok) vote.answers.push({ participantId: voter.id, answer: outcome.value.answer });
    else vote.failed.push({ participantId: voter.id, error: outcome.error.toJSON() });
  });
}

function tooFewAnswers(vote: VoteRun): NonNullable<VoteResult['error']> {
  const { answers, voters, failed } = vote;
  return {
    message: `Only ${answers.length} of ${voters.length} voters answered; a vote needs at least ${MIN_VOTERS}. Failed: ${failed.map((entry) => `${entry.participantId} (${entry.error.message})`).join('; ')}`,
    hint:
      failed.find((entry) => entry.error.hint)?.error.hint ??
      "Check the participants' keys and models, then vote again.",
  };
}
