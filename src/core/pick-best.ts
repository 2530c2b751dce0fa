import type { Proposal } from './consensus-types';
import { textDivergence } from './text-divergence';

/**
 * The provisional best: the highest mean peer score; with no scores (or a tie), the proposal
 * closest to all others (the medoid), then the lexically smallest text — never list position.
 */
export function pickBest(
  proposals: Proposal[],
  meanScores: Record<string, number>,
): Proposal | undefined {
  if (proposals.length <= 1) return proposals[0];
  const centrality = new Map(
    proposals.map((proposal) => [
      proposal,
      proposals.reduce(
        (sum, other) =>
          other === proposal ? sum : sum + textDivergence(proposal.product, other.product),
        0,
      ),
    ]),
  );
  return [...proposals].sort(
    (a, b) =>
      (meanScores[b.participantId] ?? -1) - (meanScores[a.participantId] ?? -1) ||
      centrality.get(a)! - centrality.get(b)! ||
      (a.product < b.product ? -1 : a.product > b.product ? 1 : 0),
  )[0];
}
