/**
 * The end of a vote, however it ends: the result from the answers and their clusters, and its
 * one run-finished event (a failed vote's reason is the result's `error`).
 */
import type { Participant } from './participant';
import { toParticipantInfo } from './participant';
import type { RunContext } from './run-context';
import type { VoteAnswer, VoteCluster, VoteInput, VoteResult } from './vote-types';
import { strategyReached } from './vote-strategy';
import { closeRun } from './open-run';
import { judgeFallbackReason, type JudgeFallback } from './judge-fallback';

/** What a vote has gathered so far. */
export interface VoteRun {
  input: VoteInput;
  runId: string;
  context: RunContext;
  startedAt: number;
  voters: Participant[];
  judge: Participant | undefined;
  answers: VoteAnswer[];
  failed: VoteResult['failed'];
  notNeeded: string[];
  clusters: VoteCluster[];
  clusteredBy: VoteResult['clusteredBy'];
  judgeFallback: JudgeFallback | undefined;
  error: VoteResult['error'];
}

export async function finishVote(vote: VoteRun): Promise<VoteResult> {
  const { context, answers, clusters, error, judge } = vote;
  const responding = answers.length;
  const top = clusters[0];
  const agreeing = top ? top.participantIds.length : 0;
  const reached =
    !error &&
    !context.cancelled &&
    top !== undefined &&
    strategyReached(vote.input.strategy, agreeing, responding);
  const agreeingIds = new Set(top?.participantIds ?? []);
  return await closeRun<VoteResult>(vote, 'vote', {
    runId: vote.runId,
    reached,
    strategy: vote.input.strategy,
    ...(top ? { winningAnswer: top.answer } : {}),
    confidence: responding === 0 ? 0 : agreeing / responding,
    agreeing: [...agreeingIds],
    responding,
    clusters,
    dissent: answers.filter((answer) => !agreeingIds.has(answer.participantId)),
    answers,
    failed: vote.failed,
    notNeeded: vote.notNeeded,
    clusteredBy: vote.clusteredBy,
    ...(judge ? { judge: toParticipantInfo(judge) } : {}),
    ...(vote.judgeFallback
      ? {
          judgeFallback: vote.judgeFallback,
          judgeFallbackReason: judgeFallbackReason(vote.judgeFallback),
        }
      : {}),
    participants: vote.voters.map(toParticipantInfo),
    cost: context.summary(),
    ...(error ? { error } : {}),
  });
}
