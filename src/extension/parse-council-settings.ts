/**
 * The `multiLlm.*` settings as CouncilSettings. Pure (no vscode): it gets a reader, so the
 * defensive parsing of hand-edited settings.json values is unit-tested. Anything malformed is
 * skipped or replaced by the default, never passed on half-valid.
 */
import type { Persona } from '../core/participant';
import type { Thresholds } from '../core/consensus-types';
import type { CouncilSettings } from '../app/create-council-service';
import { isReasoningEffort } from '../core/reasoning-effort';
import { parseParticipantSpec, ParticipantSpecError } from '../app/environment-config';
import { defaultCouncilSpecs, VENDOR_IDS } from '../providers/provider-registry';

export type SettingReader = (key: string) => unknown;

export type ParticipantSetting = CouncilSettings['participants'][number];
export type CompatibleEndpoint = CouncilSettings['compatibleEndpoints'][number];

/** The council when multiLlm.participants is empty or unusable (same as the manifest default). */
export const FALLBACK_PARTICIPANTS = defaultCouncilSpecs();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * A record's string fields: the required ones trimmed (undefined when one is missing or blank),
 * the optional ones that are set, as written.
 */
function stringFields<Required extends string, Optional extends string>(
  value: unknown,
  required: readonly Required[],
  optional: readonly Optional[],
): (Record<Required, string> & Partial<Record<Optional, string>>) | undefined {
  if (!isRecord(value)) return undefined;
  const fields: Partial<Record<Required, string>> = {};
  for (const key of required) {
    const field = value[key];
    if (!nonEmptyString(field)) return undefined;
    fields[key] = field.trim();
  }
  return { ...(fields as Record<Required, string>), ...optionalStrings(value, optional) };
}

/** The record's optional string fields that are set (blank ones are dropped), as written. */
function optionalStrings<Key extends string>(
  record: Record<string, unknown>,
  keys: readonly Key[],
): Partial<Record<Key, string>> {
  const picked: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const field = record[key];
    if (nonEmptyString(field)) picked[key] = field;
  }
  return picked;
}

export function parseParticipant(value: unknown): ParticipantSetting | undefined {
  if (typeof value === 'string') {
    // The one `provider:model` parser of every host; a malformed entry is skipped here.
    try {
      return parseParticipantSpec(value);
    } catch (error) {
      if (error instanceof ParticipantSpecError) return undefined;
      throw error;
    }
  }
  const fields = stringFields(value, ['provider', 'model'], ['persona', 'displayName']);
  if (!fields) return undefined;
  const { effort } = value as Record<string, unknown>;
  return isReasoningEffort(effort) ? { ...fields, effort } : fields;
}

export function participantSpec(participant: ParticipantSetting): string {
  return `${participant.provider}:${participant.model}`;
}

function parsePersona(value: unknown): Persona | undefined {
  if (!isRecord(value) || !nonEmptyString(value.id) || !nonEmptyString(value.name))
    return undefined;
  const expertise = Array.isArray(value.expertise)
    ? value.expertise.filter(nonEmptyString).map((tag) => tag.toLowerCase())
    : [];
  return {
    id: value.id,
    name: value.name,
    expertise,
    ...optionalStrings(value, ['interactionStyle', 'instructions', 'description']),
  };
}

function parseEndpoint(value: unknown): CompatibleEndpoint | undefined {
  const fields = stringFields(value, ['id', 'baseUrl'], ['name']);
  if (!fields) return undefined;
  const { apiKeyRequired } = value as Record<string, unknown>;
  return typeof apiKeyRequired === 'boolean' ? { ...fields, apiKeyRequired } : fields;
}

function numberIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;
}

function parsePrices(value: unknown): CouncilSettings['priceOverrides'] {
  if (!isRecord(value)) return undefined;
  const prices: NonNullable<CouncilSettings['priceOverrides']> = {};
  for (const [model, price] of Object.entries(value)) {
    if (!isRecord(price)) continue;
    const input = numberIn(price.input, 0, Number.MAX_SAFE_INTEGER);
    const output = numberIn(price.output, 0, Number.MAX_SAFE_INTEGER);
    if (input === undefined || output === undefined) continue;
    const cachedInput = numberIn(price.cachedInput, 0, Number.MAX_SAFE_INTEGER);
    prices[model] = { input, output, ...(cachedInput === undefined ? {} : { cachedInput }) };
  }
  return Object.keys(prices).length > 0 ? prices : undefined;
}

export function parseCouncilSettings(read: SettingReader): CouncilSettings {
  const rawParticipants = read('participants');
  const parsed = Array.isArray(rawParticipants)
    ? rawParticipants.map(parseParticipant).filter((p) => p !== undefined)
    : [];
  const participants =
    parsed.length > 0
      ? parsed
      : FALLBACK_PARTICIPANTS.map((spec) => parseParticipant(spec)!).filter(Boolean);

  const baseUrls: CouncilSettings['baseUrls'] = {};
  for (const vendor of VENDOR_IDS) {
    const url = read(`${vendor}.baseUrl`);
    if (nonEmptyString(url)) baseUrls[vendor] = url.trim();
  }

  const rawEndpoints = read('openaiCompatible.endpoints');
  const compatibleEndpoints = Array.isArray(rawEndpoints)
    ? rawEndpoints.map(parseEndpoint).filter((e) => e !== undefined)
    : [];

  const rawPersonas = read('personas');
  const personas = Array.isArray(rawPersonas)
    ? rawPersonas.map(parsePersona).filter((p) => p !== undefined)
    : [];

  const thresholds: Partial<Thresholds> = {};
  const divergence = numberIn(read('thresholds.maxTextDivergence'), 0, 1);
  if (divergence !== undefined) thresholds.maxTextDivergence = divergence;
  const spread = numberIn(read('thresholds.maxScoreSpread'), 0, 9);
  if (spread !== undefined) thresholds.maxScoreSpread = spread;

  const maxCostUsd = numberIn(read('budget.maxCostUsd'), 0, Number.MAX_SAFE_INTEGER);
  const maxTotalTokens = numberIn(read('budget.maxTotalTokens'), 0, Number.MAX_SAFE_INTEGER);
  const budget =
    maxCostUsd === undefined && maxTotalTokens === undefined
      ? undefined
      : {
          ...(maxCostUsd === undefined ? {} : { maxCostUsd }),
          ...(maxTotalTokens === undefined ? {} : { maxTotalTokens: Math.floor(maxTotalTokens) }),
        };

  const maxRounds = Math.floor(numberIn(read('maxRounds'), 1, 8) ?? 4);
  const idleSeconds = numberIn(read('streamIdleTimeoutSeconds'), 5, 600) ?? 60;
  const priceOverrides = parsePrices(read('prices'));
  const stragglerFactor = numberIn(read('scheduling.stragglerFactor'), 1, 100);
  const alwaysRunFinal = read('scheduling.alwaysRunFinal') === true;

  return {
    participants,
    personas,
    baseUrls,
    compatibleEndpoints,
    maxRounds,
    thresholds,
    ...(budget === undefined ? {} : { budget }),
    ...(priceOverrides === undefined ? {} : { priceOverrides }),
    idleTimeoutMs: idleSeconds * 1000,
    ...(stragglerFactor === undefined && !alwaysRunFinal
      ? {}
      : {
          scheduling: {
            ...(stragglerFactor === undefined ? {} : { stragglerFactor }),
            ...(alwaysRunFinal ? { alwaysRunFinal } : {}),
          },
        }),
  };
}
