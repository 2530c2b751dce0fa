/**
 * The notes a run start reports (see src/shared/model-note.ts), and the run's budget with the
 * token cap for unpriced participants. Reads the vendors' lists through the model catalog.
 */
import type { Budget } from '../core/consensus-types';
import type { CostEstimator } from '../core/host-services';
import type { ModelNote } from '../shared/model-note';
import type { Clock } from '../core/host-services';
import type { CouncilServiceOptions } from './council-service-options';
import type { CouncilSettings, CredentialSource } from './council-settings';
import type { Logger } from './logger';
import { sharedModelCatalog, type ModelCatalog } from './model-catalog';
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

/** The run-start check a council service runs before it launches: notes logged, budget capped. */
export function runStartChecker(
  options: CouncilServiceOptions,
  logger: Logger,
  clock: Clock,
  costOf: (settings: CouncilSettings) => CostEstimator,
) {
  return async (
    participants: NotedParticipant[],
    budget: Budget | undefined,
    settings: CouncilSettings,
  ) => {
    const checked = await runStartNotes(participants, budget, {
      settings,
      credentials: options.credentials,
      catalog: options.modelCatalog ?? sharedModelCatalog,
      cost: costOf(settings),
      setting: options.participantsSetting ?? 'multiLlm.participants',
      now: clock.now(),
    });
    for (const note of checked.notes) logger.warn(note.message, { kind: 'model-note', note });
    return checked;
  };
}

/** A started run with its warnings, when there are any. */
export function withWarnings<T extends { runId: string }>(started: T, notes: ModelNote[]) {
  return notes.length > 0 ? { ...started, warnings: notes } : started;
}
