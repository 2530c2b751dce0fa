/**
 * The vote's judge call: the answers anonymised, in a seeded shuffled order, so the judge cannot
 * tell who answered what; its grouping is used only when it covers every answer exactly once.
 */
import { callParticipant } from './call-participant';
import { voteJudgePrompt } from './consensus-prompts';
import type { JudgeFallback } from './judge-fallback';
import type { Participant } from './participant';
import { peerViewFor } from './peer-view';
import { raceCancel } from './race-cancel';
import type { RunContext } from './run-context';
import { judgeClusters, judgeLabels, judgeSchemaFor } from './vote-judge';
import type { VoteAnswer, VoteCluster } from './vote-types';

export type JudgeVerdict = { clusters: VoteCluster[] } | { fallback: JudgeFallback };

export async function askVoteJudge(
  context: RunContext,
  judge: Participant,
  voters: Participant[],
  question: string,
  answers: VoteAnswer[],
  seed: number,
): Promise<JudgeVerdict> {
  const { labels, shuffleSeed } = judgeLabels(answers, seed);
  const view = peerViewFor(context, [...voters, judge], { task: question });
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
      prompt: voteJudgePrompt(question, shown),
      schema: judgeSchemaFor(shown.map((entry) => entry.label)),
    }),
  );
  const fromJudge = outcome.ok ? judgeClusters(outcome.value.clusters, labels) : undefined;
  if (fromJudge) return { clusters: fromJudge };
  return {
    fallback: outcome.ok
      ? { kind: 'incomplete-grouping', judge: judge.id }
      : { kind: 'judge-failed', judge: judge.id, error: outcome.error.message },
  };
}
