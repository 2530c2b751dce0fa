/**
 * Local fallback for grouping vote answers when no judge model is usable: agglomerative
 * clustering on a blend of token-level diff similarity and character-trigram cosine, which
 * tolerates rewording far better than keyword overlap.
 */
import { textSimilarity } from './text-divergence';
import type { VoteAnswer, VoteCluster } from './vote-types';

export const SAME_ANSWER_SIMILARITY = 0.72;

export function answerSimilarity(a: string, b: string): number {
  const left = normalise(a);
  const right = normalise(b);
  if (left === right) return 1;
  if (!left || !right) return 0;
  return Math.max(trigramCosine(left, right), textSimilarity(left, right));
}

export function clusterAnswersLocally(
  answers: VoteAnswer[],
  threshold = SAME_ANSWER_SIMILARITY,
): VoteCluster[] {
  // Average-linkage: join two clusters when their mean pairwise similarity clears the threshold.
  let clusters = answers.map((answer) => [answer]);
  while (clusters.length > 1) {
    let best: { i: number; j: number; similarity: number } | undefined;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const similarity = averageSimilarity(clusters[i]!, clusters[j]!);
        if (similarity >= threshold && (!best || similarity > best.similarity))
          best = { i, j, similarity };
      }
    }
    if (!best) break;
    const merged = [...clusters[best.i]!, ...clusters[best.j]!];
    clusters = clusters.filter((_cluster, index) => index !== best!.i && index !== best!.j);
    clusters.push(merged);
  }
  return clusters
    .map((members) => ({
      answer: representative(members),
      participantIds: members.map((member) => member.participantId).sort(),
    }))
    .sort(
      (a, b) => b.participantIds.length - a.participantIds.length || (a.answer < b.answer ? -1 : 1),
    );
}

function averageSimilarity(a: VoteAnswer[], b: VoteAnswer[]): number {
  let total = 0;
  for (const left of a) for (const right of b) total += answerSimilarity(left.answer, right.answer);
  return total / (a.length * b.length);
}

/** The member most similar to the rest of its cluster. */
function representative(members: VoteAnswer[]): string {
  let best = members[0]!;
  let bestScore = -1;
  for (const candidate of members) {
    const score = members.reduce(
      (sum, other) => sum + answerSimilarity(candidate.answer, other.answer),
      0,
    );
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best.answer;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const counts = new Map<string, number>();
  for (let index = 0; index + 3 <= padded.length; index++) {
    const gram = padded.slice(index, index + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function trigramCosine(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let dot = 0;
  for (const [gram, count] of left) dot += count * (right.get(gram) ?? 0);
  const norm = (counts: Map<string, number>) =>
    Math.sqrt([...counts.values()].reduce((sum, count) => sum + count * count, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? 0 : dot / denominator;
}
