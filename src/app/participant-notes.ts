/**
 * What to tell the user about configured participants before a run: lifecycle (from the
 * vendor's own model list) and, when a cost budget is set, models no price source knows.
 * Pure: lists, prices and the date come in.
 */
import type { Budget } from '../core/consensus-types';
import type { CostEstimator } from '../core/host-services';
import type { ModelListing } from '../providers/model-listing';
import { providerDisplayName } from '../providers/provider-registry';
import type { ModelNote } from '../shared/model-note';

/**
 * Tokens an unpriced participant may spend under a cost budget without a token budget: the cost
 * budget at $10 per million tokens, the output price of today's balanced flagships (see
 * src/providers/pricing/supplement-prices.ts), so "$0" never means "unlimited".
 */
export const UNPRICED_USD_PER_MILLION_TOKENS = 10;

/** A participant as notes need it: its id and `provider` / `model`. */
export interface NotedParticipant {
  id: string;
  provider: string;
  model: string;
}

export interface NoteContext {
  lists: Map<string, ModelListing[]>;
  cost: CostEstimator;
  budget: Budget | undefined;
  /** Where the user changes participants, e.g. "multiLlm.participants". */
  setting: string;
  now: number;
}

export function participantNotes(
  participants: NotedParticipant[],
  context: NoteContext,
): ModelNote[] {
  const notes: ModelNote[] = [];
  for (const participant of participants) {
    const lifecycle = lifecycleNote(participant.id, participant, context);
    if (lifecycle) notes.push(lifecycle);
    const unpriced = unpricedNote(participant.id, participant, context);
    if (unpriced) notes.push(unpriced);
  }
  return notes;
}

function lifecycleNote(
  id: string,
  setting: NotedParticipant,
  context: NoteContext,
): ModelNote | undefined {
  const list = context.lists.get(setting.provider);
  if (!list || list.length === 0 || setting.model === '') return undefined;
  const vendor = providerDisplayName(setting.provider);
  const base = {
    participantId: id,
    provider: setting.provider,
    model: setting.model,
    setting: context.setting,
  };
  const fix = `Change ${context.setting} to a current model (the model list shows them).`;
  const listing = list.find((entry) => entry.id === setting.model.replace(/^models\//, ''));
  if (!listing) {
    return {
      ...base,
      kind: 'unknown',
      message: `${id}: ${vendor} does not list the model "${setting.model}" for this key. ${fix}`,
    };
  }
  const shutdown = listing.shutdownDate;
  const past = shutdown !== undefined && Date.parse(shutdown) <= context.now;
  const dated = shutdown === undefined ? {} : { shutdownDate: shutdown };
  if (listing.lifecycle === 'retired' || past) {
    return {
      ...base,
      ...dated,
      kind: 'retired',
      message: `${id}: ${vendor} has retired this model${shutdown ? ` (shutdown ${day(shutdown)})` : ''}; calls to it fail. ${fix}`,
    };
  }
  if (listing.lifecycle === 'deprecated' || shutdown !== undefined) {
    return {
      ...base,
      ...dated,
      kind: 'deprecated',
      message: `${id}: ${vendor} has deprecated this model${shutdown ? `; it shuts down on ${day(shutdown)}` : ''}. ${fix}`,
    };
  }
  return undefined;
}

function unpricedNote(
  id: string,
  setting: NotedParticipant,
  context: NoteContext,
): ModelNote | undefined {
  const maxCostUsd = context.budget?.maxCostUsd;
  if (maxCostUsd === undefined) return undefined;
  const probe = { inputTokens: 1_000, outputTokens: 1_000, cachedInputTokens: 0 };
  if (context.cost.costOf(setting.provider, setting.model, probe) !== undefined) return undefined;
  const cap = unpricedTokenCap(context.budget)!;
  return {
    participantId: id,
    provider: setting.provider,
    model: setting.model,
    kind: 'unpriced',
    setting: 'multiLlm.prices',
    costBudgetUsd: maxCostUsd,
    tokenCap: cap,
    message:
      `${id} has no known price, so the cost budget ($${maxCostUsd}) cannot count it; ` +
      `the calls of unpriced participants are held to a token budget of ${cap.toLocaleString('en-US')} tokens (together) instead. ` +
      `To count its cost, add its price to multiLlm.prices (USD per million tokens) or pick a priced model.`,
  };
}

/** The token cap for unpriced calls: the token budget, else the cost budget at the fallback rate. */
export function unpricedTokenCap(budget: Budget | undefined): number | undefined {
  if (budget?.maxCostUsd === undefined) return undefined;
  return (
    budget.maxTotalTokens ??
    Math.floor((budget.maxCostUsd / UNPRICED_USD_PER_MILLION_TOKENS) * 1_000_000)
  );
}

/** The run's budget with the unpriced cap, when some participant is unpriced. */
export function withUnpricedTokenCap(
  budget: Budget | undefined,
  notes: ModelNote[],
): Budget | undefined {
  const cap = unpricedTokenCap(budget);
  if (
    budget === undefined ||
    cap === undefined ||
    !notes.some((note) => note.kind === 'unpriced')
  ) {
    return budget;
  }
  return { ...budget, maxUnpricedTokens: cap };
}

function day(date: string): string {
  return date.slice(0, 10);
}
