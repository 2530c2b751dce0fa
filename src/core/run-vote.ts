/**
 * The quick vote (seed 003): voters answer in parallel; a judge that is not a voter groups the
 * answers by meaning, or, when there is no usable judge, local similarity clustering does.
 */
import type { VoteAnswer, VoteCluster, VoteInput, VoteResult, VoteStrategy } from './vote-types';
import type { VoteDependencies } from './engine-dependencies';
import { toParticipantInfo } from './participant';
import { RunContext } from './run-context';
import { RunCancelledError, callParticipant } from './call-participant';
import { pollVoters } from './poll-voters';
import { voteJudgePrompt } from './consensus-prompts';
import { clusterAnswersLocally } from './cluster-answers';
import { judgeClusters, judgeLabels, judgeSchemaFor } from './vote-judge';
import { peerViewFor } from './peer-view';
import { randomSeed } from './seeded-random';
import { raceCancel } from './race-cancel';
import { newRunId } from './run-id';

export const MIN_VOTERS = 2;
export const MAX_VOTERS = 7;

export function strategyReached(
  strategy: VoteStrategy,
  agreeing: number,
  responding: number,
): boolean {
  if (responding < MIN_VOTERS) return false;
  switch (strategy) {
    case 'majority':
      return agreeing * 2 > responding;
    case 'supermajority':
      return agreeing * 3 >= responding * 2;
    case 'unanimous':
      return agreeing === responding;
  }
}

export async function runVote(input: VoteInput, deps: VoteDependencies): Promise<VoteResult> {
  const runId = input.runId ?? newRunId();
  const context = new RunContext(runId, deps);
  const startedAt = context.clock.now();
  const voters = deps.participants;
  const voterIds = new Set(voters.map((voter) => voter.id));
  const seed = input.seed ?? randomSeed();
  // A judge among the voters would grade its own answer: never allowed.
  const judge = deps.judge && !voterIds.has(deps.judge.id) ? deps.judge : undefined;
  context.emit({
    type: 'run-started',
    protocol: 'vote',
    participants: voters.map(toParticipantInfo),
    input: { ...input, runId },
    settings: {
      strategy: input.strategy,
      judge: judge ? toParticipantInfo(judge) : null,
      seed,
    },
  });

  const answers: VoteAnswer[] = [];
  const failed: VoteResult['failed'] = [];
  const notNeeded: string[] = [];
  let clusters: VoteCluster[] = [];
  let clusteredBy: VoteResult['clusteredBy'] = 'local-similarity';
  let judgeFallbackReason: string | undefined = judge
    ? undefined
    : deps.judge
      ? 'The named judge is one of the voters, so it cannot judge.'
      : 'No judge model was available.';
  let error: VoteResult['error'];

  const finish = async (): Promise<VoteResult> => {
    const responding = answers.length;
    const top = clusters[0];
    const agreeing = top ? top.participantIds.length : 0;
    const reached =
      !error &&
      !context.cancelled &&
      top !== undefined &&
      strategyReached(input.strategy, agreeing, responding);
    const agreeingIds = new Set(top?.participantIds ?? []);
    const result: VoteResult = {
      runId,
      reached,
      strategy: input.strategy,
      ...(top ? { winningAnswer: top.answer } : {}),
      confidence: responding === 0 ? 0 : agreeing / responding,
      agreeing: [...agreeingIds],
      responding,
      clusters,
      dissent: answers.filter((answer) => !agreeingIds.has(answer.participantId)),
      answers,
      failed,
      notNeeded,
      clusteredBy,
      ...(judge ? { judge: toParticipantInfo(judge) } : {}),
      ...(judgeFallbackReason ? { judgeFallbackReason } : {}),
      participants: voters.map(toParticipantInfo),
      cost: context.summary(),
      ...(error ? { error } : {}),
      startedAt,
      finishedAt: context.clock.now(),
    };
    if (error) context.emit({ type: 'run-failed', error });
    context.emit({ type: 'run-finished', protocol: 'vote', result });
    await context.flush();
    context.dispose();
    return result;
  };

  try {
    if (voters.length < MIN_VOTERS || voters.length > MAX_VOTERS) {
      error = {
        message: `A vote needs ${MIN_VOTERS} to ${MAX_VOTERS} voters; ${voters.length} given.`,
        hint: 'Pass between 2 and 7 participants.',
      };
      return await finish();
    }
    context.emit({ type: 'phase-started', phase: 'vote', round: 1 });
    const poll = await pollVoters(context, voters, {
      question: input.question,
      ...(input.context ? { context: input.context } : {}),
      strategy: input.strategy,
      reached: strategyReached,
    });
    notNeeded.push(...poll.notNeeded);
    // Answers in voter order (not arrival order), so the judge's labels do not depend on speed.
    voters.forEach((voter, index) => {
      const outcome = poll.outcomes[index];
      if (!outcome) return;
      if (outcome.ok) answers.push({ participantId: voter.id, answer: outcome.value.answer });
      else failed.push({ participantId: voter.id, error: outcome.error.toJSON() });
    });
    if (answers.length < MIN_VOTERS) {
      error = {
        message: `Only ${answers.length} of ${voters.length} voters answered; a vote needs at least ${MIN_VOTERS}. Failed: ${failed.map((entry) => `${entry.participantId} (${entry.error.message})`).join('; ')}`,
        hint:
          failed.find((entry) => entry.error.hint)?.error.hint ??
          "Check the participants' keys and models, then vote again.",
      };
      return await finish();
    }

    if (judge) {
      // Anonymised, in a seeded shuffled order: the judge cannot tell who answered what.
      const { labels, shuffleSeed } = judgeLabels(answers, seed);
      const view = peerViewFor(context, [...voters, judge], { task: input.question });
      const shown = labels.map((entry) => ({
        label: entry.label,
        answer: view.text(entry.answer, 'prose', {
          authorId: entry.participantId,
          round: 1,
          source: 'vote',
          field: 'answer',
        }),
      }));
      context.emit({
        type: 'labels-assigned',
        round: 1,
        seed: shuffleSeed,
        labels: Object.fromEntries(labels.map((entry) => [entry.label, entry.participantId])),
      });
      context.emit({ type: 'phase-started', phase: 'judge', round: 1 });
      const outcome = await raceCancel(
        context,
        callParticipant(context, {
          participant: judge,
          phase: 'judge',
          round: 1,
          prompt: voteJudgePrompt(input.question, shown),
          schema: judgeSchemaFor(shown.map((entry) => entry.label)),
        }),
      );
      const fromJudge = outcome.ok ? judgeClusters(outcome.value.clusters, labels) : undefined;
      if (fromJudge) {
        clusters = fromJudge;
        clusteredBy = 'model';
      } else {
        judgeFallbackReason = outcome.ok
          ? "The judge's grouping did not cover every answer exactly once."
          : `The judge failed: ${outcome.error.message}`;
      }
    }
    if (clusteredBy === 'local-similarity') clusters = clusterAnswersLocally(answers);
    return await finish();
  } catch (thrown) {
    if (thrown instanceof RunCancelledError || context.cancelled) {
      error = { message: 'The vote was cancelled.' };
      return await finish();
    }
    error = {
      message: `The vote stopped on an internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    };
    return await finish();
  }
}
