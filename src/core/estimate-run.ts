/**
 * Before a run: how many calls it makes and what it may cost. A run that converges at the first
 * check costs drafts + 2 reviews + 1 merge + finals + ratifications; one that hits the round
 * cap makes maxRounds merges and maxRounds + 1 reviews. Tokens are estimated at 4 characters each.
 */
import type { ConsensusInput } from './consensus-types';
import type { CostEstimator } from './host-services';
import type { RunEstimate } from './engine-api-types';
import type { ParticipantInfo } from './participant';
import { DEFAULT_MAX_ROUNDS } from './run-defaults';

const CHARS_PER_TOKEN = 4;

export function estimateRun(
  input: Pick<ConsensusInput, 'maxRounds' | 'task' | 'context'>,
  participants: ParticipantInfo[],
  cost: CostEstimator,
): RunEstimate {
  const n = participants.length;
  const maxRounds = input.maxRounds ?? DEFAULT_MAX_ROUNDS;
  const callsFor = (rounds: number) =>
    n /* drafts */ +
    n * (rounds + 1) /* reviews */ +
    n * rounds /* merges */ +
    n /* finals */ +
    n; /* ratify */
  const minCalls = callsFor(1);
  const maxCalls = callsFor(maxRounds);
  const taskTokens =
    Math.ceil(
      (input.task.length +
        (input.context?.selection.length ?? 0) +
        (input.context?.extra?.length ?? 0)) /
        CHARS_PER_TOKEN,
    ) + 300;
  const productTokens =
    Math.ceil((input.context?.selection.length ?? 2000) / CHARS_PER_TOKEN) + 300;
  // A review or merge reads every proposal; drafts, finals and ratifications read about one.
  const perParticipant = (rounds: number) => ({
    input: taskTokens * (3 + 2 * rounds + 1) + productTokens * n * (2 * rounds + 1) + productTokens,
    output: productTokens * (2 + rounds) + 400 * (rounds + 2),
  });
  let unpricedCalls = 0;
  const unpricedParticipants: string[] = [];
  let minCostUsd = 0;
  let maxCostUsd = 0;
  for (const participant of participants) {
    const low = perParticipant(1);
    const high = perParticipant(maxRounds);
    const lowCost = cost.costOf(participant.provider, participant.model, {
      inputTokens: low.input,
      outputTokens: low.output,
      cachedInputTokens: 0,
    });
    const highCost = cost.costOf(participant.provider, participant.model, {
      inputTokens: high.input,
      outputTokens: high.output,
      cachedInputTokens: 0,
    });
    if (lowCost === undefined || highCost === undefined) {
      unpricedCalls += callsFor(maxRounds) / Math.max(1, n);
      unpricedParticipants.push(participant.id);
      continue;
    }
    minCostUsd += lowCost;
    maxCostUsd += highCost;
  }
  const anyPriced = unpricedCalls < maxCalls;
  return {
    minCalls,
    maxCalls,
    ...(anyPriced ? { minCostUsd, maxCostUsd } : {}),
    unpricedCalls: Math.round(unpricedCalls),
    ...(unpricedParticipants.length > 0 ? { unpricedParticipants } : {}),
  };
}
