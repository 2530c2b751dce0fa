/**
 * The panel's notes on configured participants (deprecated, retired, unknown to the vendor,
 * unpriced under a cost budget), from the model lists already fetched this session (by a run
 * start or Refresh Models): building a snapshot never calls a vendor.
 */
import type { CouncilSettings } from '../../app/council-settings';
import { sharedModelCatalog } from '../../app/model-catalog';
import { participantNotes } from '../../app/participant-notes';
import { connectionOf, participantIds } from '../../app/resolve-participants';
import type { ModelListing } from '../../providers/model-listing';
import { createPriceTableCostEstimator } from '../../providers/pricing';
import type { ModelNote } from '../../shared/model-note';

export function configuredModelNotes(settings: CouncilSettings, now = Date.now()): ModelNote[] {
  const lists = new Map<string, ModelListing[]>();
  for (const { provider } of settings.participants) {
    const connection = connectionOf(provider, settings);
    const cached = connection
      ? sharedModelCatalog.get(provider, connection.baseUrl, now)
      : undefined;
    if (cached) lists.set(provider, cached);
  }
  const ids = participantIds(settings.participants);
  return participantNotes(
    settings.participants.map((setting, index) => ({ ...setting, id: ids[index]! })),
    {
      lists,
      cost: createPriceTableCostEstimator(settings.priceOverrides ?? {}),
      budget: settings.budget,
      setting: 'multiLlm.participants',
      now,
    },
  );
}
