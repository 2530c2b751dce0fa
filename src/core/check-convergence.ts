/**
 * Consensus scoring and the four convergence conditions (docs/PROTOCOL.md, "Signals"), computed
 * locally from the merged proposals and the peer reviews that score them.
 */
import type {
  ConditionVerdict,
  ImprovementRoom,
  RoundSignals,
  Thresholds,
} from './consensus-types';
import type { ConvergenceCheckInput } from './engine-api-types';
import { textDivergence } from './text-divergence';
import { resolveThresholds } from './run-defaults';

const ROOM_ORDER: Record<ImprovementRoom, number> = { none: 0, minor: 1, major: 2 };

export function pairKey(a: string, b: string): string {
  return `${a}|${b}`;
}

export function meanScoresByAuthor(
  scores: { authorId: string; score: number }[],
): Record<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const { authorId, score } of scores) {
    const entry = sums.get(authorId) ?? { total: 0, count: 0 };
    entry.total += score;
    entry.count += 1;
    sums.set(authorId, entry);
  }
  return Object.fromEntries([...sums].map(([author, { total, count }]) => [author, total / count]));
}

export function checkConvergence(input: ConvergenceCheckInput): RoundSignals {
  const thresholds = resolveThresholds(input.thresholds);
  const round = input.round ?? 1;
  const proposals = input.proposals;

  const { pairwiseDivergence, maxDivergence } = divergenceOf(proposals);

  const scores = input.scores ?? [];
  const meanScores = meanScoresByAuthor(scores);
  const means = Object.values(meanScores);
  const scoreSpread = means.length === 0 ? Number.NaN : Math.max(...means) - Math.min(...means);
  const improvementRoom = input.improvementRoom ?? {};
  const rooms = Object.values(improvementRoom);
  const worstRoom = rooms.reduce<ImprovementRoom>(
    (worst, room) => (ROOM_ORDER[room] > ROOM_ORDER[worst] ? room : worst),
    'none',
  );
  const majorIssueCount = scores.reduce((sum, score) => sum + (score.majorIssues ?? 0), 0);
  const meanOfAll =
    scores.length === 0
      ? undefined
      : scores.reduce((sum, score) => sum + score.score, 0) / scores.length;
  const scoreMovement =
    meanOfAll !== undefined && input.previousMeanScore !== undefined
      ? meanOfAll - input.previousMeanScore
      : undefined;

  const roomHolds =
    rooms.length > 0 && ROOM_ORDER[worstRoom] <= ROOM_ORDER[thresholds.maxImprovementRoom];
  const spreadHolds = Number.isFinite(scoreSpread) && scoreSpread < thresholds.maxScoreSpread;
  const divergenceHolds =
    proposals.length >= 2 ? maxDivergence <= thresholds.maxTextDivergence : false;

  const verdicts: ConditionVerdict[] = [
    {
      condition: 'improvementRoom',
      holds: roomHolds,
      value: rooms.length > 0 ? worstRoom : 'unknown',
      threshold: `≤ ${thresholds.maxImprovementRoom}`,
    },
    {
      condition: 'scoreSpread',
      holds: spreadHolds,
      value: Number.isFinite(scoreSpread) ? round4(scoreSpread) : 'unknown',
      threshold: thresholds.maxScoreSpread,
    },
    ...textAndCapVerdicts(divergenceHolds, maxDivergence, thresholds, round, input.maxRounds),
  ];

  return {
    round,
    textDivergence: round4(maxDivergence),
    pairwiseDivergence,
    // Unknown, not 0: a spread of no scores would read as perfect agreement.
    scoreSpread: Number.isFinite(scoreSpread) ? round4(scoreSpread) : null,
    ...(scores.length === 0 && proposals.length > 0 ? { cause: 'no-usable-reviews' as const } : {}),
    meanScores,
    improvementRoom,
    majorIssueCount,
    ...(scoreMovement === undefined ? {} : { scoreMovement: round4(scoreMovement) }),
    verdicts,
    converged: roomHolds && spreadHolds && divergenceHolds,
  };
}

/** Every pair's divergence, keyed `a|b`, and the largest (the condition's value). */
function divergenceOf(proposals: ConvergenceCheckInput['proposals']): {
  pairwiseDivergence: Record<string, number>;
  maxDivergence: number;
} {
  const pairwiseDivergence: Record<string, number> = {};
  let maxDivergence = 0;
  for (let i = 0; i < proposals.length; i++) {
    for (let j = i + 1; j < proposals.length; j++) {
      const a = proposals[i]!;
      const b = proposals[j]!;
      const divergence = textDivergence(a.product, b.product);
      pairwiseDivergence[pairKey(a.authorId, b.authorId)] = round4(divergence);
      maxDivergence = Math.max(maxDivergence, divergence);
    }
  }
  return { pairwiseDivergence, maxDivergence };
}

function textAndCapVerdicts(
  divergenceHolds: boolean,
  maxDivergence: number,
  thresholds: Thresholds,
  round: number,
  maxRounds: number | undefined,
): ConditionVerdict[] {
  return [
    {
      condition: 'textDivergence',
      holds: divergenceHolds,
      value: round4(maxDivergence),
      threshold: thresholds.maxTextDivergence,
    },
    {
      condition: 'roundCap',
      holds: maxRounds !== undefined && round >= maxRounds,
      value: round,
      threshold: maxRounds ?? 'none',
    },
  ];
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
