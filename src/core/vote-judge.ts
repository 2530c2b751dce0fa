/**
 * The vote judge's view (docs/PROTOCOL.md "Quick vote"): the answers anonymised (identities
 * masked), under neutral labels "Answer A", "Answer B", … in a seeded shuffled order, and a
 * schema whose `members` can only be those labels. Its grouping must cover every answer once.
 */
import { z } from 'zod';
import { text, type StructuredSchema } from './structured-schemas';
import type { VoteAnswer, VoteCluster } from './vote-types';
import { displayOrder, labelFor } from './round-labels';
import { matchLabel } from './review-schema';

const judgeOutput = z.object({
  clusters: z
    .array(
      z.object({
        answer: text,
        members: z.array(z.string().max(200)).max(50),
      }),
    )
    .max(50),
});
export type JudgeOutput = z.infer<typeof judgeOutput>;

export interface JudgeLabel {
  label: string;
  participantId: string;
  answer: string;
}

/** Labels fixed from the seed, shown in a seeded order; `answer` is still the original. */
export function judgeLabels(
  answers: readonly VoteAnswer[],
  seed: number,
): {
  labels: JudgeLabel[];
  shuffleSeed: number;
} {
  const order = displayOrder(answers, seed, 'judge');
  return {
    labels: order.items.map((answer, index) => ({
      label: labelFor(index).replace(/^Proposal /, 'Answer '),
      participantId: answer.participantId,
      answer: answer.answer,
    })),
    shuffleSeed: order.seed,
  };
}

export function judgeSchemaFor(labels: readonly string[]): StructuredSchema<JudgeOutput> {
  return {
    name: 'vote_clusters',
    zod: judgeOutput,
    jsonSchema: {
      name: 'vote_clusters',
      schema: {
        type: 'object',
        properties: {
          clusters: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                answer: { type: 'string' },
                members: { type: 'array', items: { type: 'string', enum: [...labels] } },
              },
              required: ['answer', 'members'],
              additionalProperties: false,
            },
          },
        },
        required: ['clusters'],
        additionalProperties: false,
      },
    },
  };
}

/** Validates the judge's grouping: every label exactly once, or undefined (then local clustering). */
export function judgeClusters(
  raw: JudgeOutput['clusters'],
  labels: readonly JudgeLabel[],
): VoteCluster[] | undefined {
  const shown = labels.map((entry) => entry.label);
  const byLabel = new Map(labels.map((entry) => [entry.label, entry.participantId]));
  const seen = new Set<string>();
  const clusters: VoteCluster[] = [];
  for (const cluster of raw) {
    const ids: string[] = [];
    for (const member of cluster.members) {
      const label = matchLabel(member, shown);
      const id = label === undefined ? undefined : byLabel.get(label);
      if (!id || seen.has(id)) return undefined;
      seen.add(id);
      ids.push(id);
    }
    if (ids.length > 0) clusters.push({ answer: cluster.answer, participantIds: ids.sort() });
  }
  if (seen.size !== labels.length) return undefined;
  return clusters.sort(
    (a, b) => b.participantIds.length - a.participantIds.length || (a.answer < b.answer ? -1 : 1),
  );
}
