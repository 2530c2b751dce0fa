/**
 * Standalone mode (CLI, MCP server started outside the editor): keys, base URLs, participants
 * and the data folder come from the environment (README.md "Command line"). Keys are read on demand and
 * never copied into settings.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { splitEffort } from '../core/reasoning-effort';
import { DEFAULT_MAX_ROUNDS, MAX_ROUNDS_LIMIT } from '../core/run-defaults';
import { DEFAULT_MODELS, isVendorId, VENDORS, type VendorId } from '../providers/provider-registry';
import type {
  CompatibleEndpointSetting,
  CouncilSettings,
  CredentialSource,
  ParticipantSetting,
} from './council-settings';

export type Environment = Record<string, string | undefined>;

/** The key variables per vendor, in the order they are read. */
export const KEY_ENV_VARS = Object.fromEntries(
  VENDORS.map((vendor) => [vendor.id, [...vendor.apiKeyEnvVars]]),
) as Record<VendorId, string[]>;

export const BASE_URL_ENV_VARS = Object.fromEntries(
  VENDORS.map((vendor) => [vendor.id, vendor.baseUrlEnvVar]),
) as Record<VendorId, string>;

export const DEFAULT_DATA_DIR = join(homedir(), '.multi-llm-orchestration', 'runs');

/** `MLO_<ID>_API_KEY` for an OpenAI-compatible endpoint id, e.g. MLO_OPENROUTER_API_KEY. */
export function endpointKeyEnvVar(endpointId: string): string {
  return `MLO_${endpointId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

export function keyEnvVarsOf(providerId: string): string[] {
  return isVendorId(providerId) ? KEY_ENV_VARS[providerId] : [endpointKeyEnvVar(providerId)];
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function credentialsFromEnvironment(env: Environment): CredentialSource {
  return {
    getApiKey: (providerId) => {
      for (const name of keyEnvVarsOf(providerId)) {
        const value = nonEmpty(env[name]);
        if (value !== undefined) return Promise.resolve(value);
      }
      return Promise.resolve(undefined);
    },
    howToSetKey: (providerId) => {
      const names = keyEnvVarsOf(providerId);
      return `Set the environment variable ${names.join(' (or ')}${names.length > 1 ? ')' : ''}, e.g. export ${names[0]}=…`;
    },
  };
}

/** A participant text that is not `provider:model`; `spec` is the text as the user wrote it. */
export class ParticipantSpecError extends Error {
  constructor(
    message: string,
    readonly spec: string,
  ) {
    super(message);
  }
}

/** Providers that pick their own model when none is named (the MCP client's, the editor's). */
const BARE_PROVIDERS = ['sampling', 'vscode-lm'];

/**
 * "provider:model" (the model may itself contain ':', e.g. "ollama:llama3.1:8b"), optionally
 * "@effort" (e.g. "openai:gpt-6.2-sol@high"); "sampling" alone is allowed.
 */
export function parseParticipantSpec(spec: string): ParticipantSetting {
  const text = spec.trim();
  const colon = text.indexOf(':');
  if (colon < 0 && BARE_PROVIDERS.includes(text)) return { provider: text, model: '' };
  const provider = colon > 0 ? text.slice(0, colon).trim() : '';
  const { model, effort } = splitEffort(colon > 0 ? text.slice(colon + 1).trim() : '');
  if (provider === '' || model === '') {
    throw new ParticipantSpecError(
      `"${spec}" is not a participant. Write provider:model, e.g. openai:${DEFAULT_MODELS.openai} or anthropic:${DEFAULT_MODELS.anthropic}.`,
      spec,
    );
  }
  return { provider, model, ...(effort === undefined ? {} : { effort }) };
}

export function parseParticipantList(text: string): ParticipantSetting[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseParticipantSpec);
}

/** MLO_ENDPOINTS="ollama=http://127.0.0.1:11434/v1,openrouter=https://openrouter.ai/api/v1". */
function endpointsFrom(text: string | undefined): CompatibleEndpointSetting[] {
  if (!text) return [];
  const endpoints: CompatibleEndpointSetting[] = [];
  for (const part of text.split(',')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const id = part.slice(0, equals).trim();
    const baseUrl = part.slice(equals + 1).trim();
    if (id && baseUrl && !isVendorId(id)) endpoints.push({ id, baseUrl, apiKeyRequired: false });
  }
  return endpoints;
}

function numberFrom(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

function hasKey(env: Environment, vendor: VendorId): boolean {
  return KEY_ENV_VARS[vendor].some((name) => nonEmpty(env[name]) !== undefined);
}

/**
 * Participants: MLO_PARTICIPANTS when set; else the default model of every vendor whose key is
 * set (all three when none is, so the error names every variable).
 */
export function settingsFromEnvironment(env: Environment): CouncilSettings {
  const listed = nonEmpty(env.MLO_PARTICIPANTS);
  const council = VENDORS.filter((vendor) => vendor.inDefaultCouncil);
  const withKeys = council.filter((vendor) => hasKey(env, vendor.id));
  const participants = listed
    ? parseParticipantList(listed)
    : (withKeys.length > 0 ? withKeys : council).map((vendor) => ({
        provider: vendor.id,
        model: vendor.defaultModel,
      }));
  const baseUrls: CouncilSettings['baseUrls'] = {};
  for (const vendor of VENDORS) {
    const url = nonEmpty(env[vendor.baseUrlEnvVar]);
    if (url) baseUrls[vendor.id] = url;
  }
  const maxCostUsd = numberFrom(env.MLO_MAX_COST_USD, 0, Number.MAX_SAFE_INTEGER);
  const idleSeconds = numberFrom(env.MLO_IDLE_TIMEOUT_SECONDS, 1, 3600) ?? 60;
  const stragglerFactor = numberFrom(env.MLO_STRAGGLER_FACTOR, 1, 100);
  return {
    participants,
    personas: [],
    baseUrls,
    compatibleEndpoints: endpointsFrom(env.MLO_ENDPOINTS),
    maxRounds: Math.floor(
      numberFrom(env.MLO_MAX_ROUNDS, 1, MAX_ROUNDS_LIMIT) ?? DEFAULT_MAX_ROUNDS,
    ),
    thresholds: {},
    ...(maxCostUsd === undefined ? {} : { budget: { maxCostUsd } }),
    idleTimeoutMs: idleSeconds * 1000,
    ...(stragglerFactor === undefined ? {} : { scheduling: { stragglerFactor } }),
  };
}

export function dataDirFromEnvironment(env: Environment): string {
  return nonEmpty(env.MLO_DATA_DIR) ?? DEFAULT_DATA_DIR;
}
