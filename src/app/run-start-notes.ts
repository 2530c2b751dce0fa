/**
 * The notes a run start reports (see src/shared/model-note.ts), and the run's budget with the
 * token cap for unpriced participants. Reads the vendors' lists through the model catalog.
 */
import type { Budget } from '../core/consensus-types';
import type { CostEstimator } from '../core/host-services';
import type { ModelNote } from '../shared/model-note';
import type { CouncilSettings, CredentialSource } from './council-settings';
import type { ModelCatalog } from './model-catalog';
import { participantNotes, withUnpricedTokenCap, type NotedParticipant } from './participant-notes';

export interface RunStartContext {
  settings: CouncilSettings;
  credentials: CredentialSource;
  catalog: ModelCatalog;
  cost: CostEstimator;
  /** Where the user changes participants in this host. */
  setting: string;
  now: number;
}

export async function runStartNotes(
  participants: NotedParticipant[],
  budget: Budget | undefined,
  context: RunStartContext,
): Promise<{ notes: ModelNote[]; budget: Budget | undefined }> {
  const lists = await context.catalog.listsFor(
    participants.map((participant) => participant.provider),
    context.settings,
    context.credentials,
  );
  const notes = participantNotes(participants, {
    lists,
    cost: context.cost,
    budget,
    setting: context.setting,
    now: context.now,
  });
  return { notes, budget: withUnpricedTokenCap(budget, notes) };
}
