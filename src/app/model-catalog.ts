/**
 * The vendors' model lists (with lifecycle facts), kept for an hour per provider and base URL,
 * so a run start, the panel and 'Refresh Models' / `mlo models` share one fetch. A list that
 * cannot be fetched (no key, offline, a slow vendor) is simply absent: no warning is better
 * than a wrong one.
 */
import { listModels } from '../providers/create-language-model';
import type { ModelListing } from '../providers/model-listing';
import type { CouncilSettings, CredentialSource } from './council-settings';
import { connectionOf } from './resolve-participants';

export const CATALOG_MAX_AGE_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5_000;

interface Entry {
  listings: ModelListing[];
  at: number;
}

export class ModelCatalog {
  private readonly entries = new Map<string, Entry>();

  remember(
    providerId: string,
    baseUrl: string | undefined,
    listings: ModelListing[],
    at = Date.now(),
  ) {
    this.entries.set(keyOf(providerId, baseUrl), { listings, at });
  }

  get(
    providerId: string,
    baseUrl: string | undefined,
    now = Date.now(),
  ): ModelListing[] | undefined {
    const entry = this.entries.get(keyOf(providerId, baseUrl));
    return entry && now - entry.at <= CATALOG_MAX_AGE_MS ? entry.listings : undefined;
  }

  /** The lists of these providers: cached, else fetched now (in parallel, 5 s each at most). */
  async listsFor(
    providers: string[],
    settings: CouncilSettings,
    credentials: CredentialSource,
  ): Promise<Map<string, ModelListing[]>> {
    const lists = new Map<string, ModelListing[]>();
    await Promise.all(
      [...new Set(providers)].map(async (providerId) => {
        const connection = connectionOf(providerId, settings);
        if (!connection) return;
        const cached = this.get(providerId, connection.baseUrl);
        if (cached) {
          lists.set(providerId, cached);
          return;
        }
        const apiKey = await credentials.getApiKey(providerId);
        if (apiKey === undefined && connection.keyRequired) return;
        const { keyRequired: _required, ...base } = connection;
        try {
          const listings = await listModels(
            { ...base, ...(apiKey === undefined ? {} : { apiKey }) },
            AbortSignal.timeout(FETCH_TIMEOUT_MS),
          );
          this.remember(providerId, connection.baseUrl, listings);
          lists.set(providerId, listings);
        } catch {
          // Not knowing the list means not warning (see the header).
        }
      }),
    );
    return lists;
  }
}

function keyOf(providerId: string, baseUrl: string | undefined): string {
  return `${providerId} ${baseUrl ?? ''}`;
}

/** One per process: the extension host, a standalone MCP server or one CLI command. */
export const sharedModelCatalog = new ModelCatalog();
