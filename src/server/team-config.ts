/**
 * The team server's settings, read from the environment: where Redis is, the key prefix of this
 * deployment, the lease length and the agent types. Nothing here holds a secret but REDIS_URL,
 * which may carry a password, and MLO_METRICS_TOKEN: they are only used, never logged. Its
 * errors are for the person starting `mlo serve` / `mlo agents`, in their language
 * (src/cli/cli-language.ts).
 */
import * as l10n from '@vscode/l10n';

export const DEFAULT_AGENT_TYPES = ['planning', 'implementation', 'testing', 'documentation'];
export const ORCHESTRATOR_ROLE = 'orchestrator';

export interface TeamConfig {
  redisUrl: string;
  /** Every Redis key of this deployment starts with it, so deployments can share one Redis. */
  prefix: string;
  /** How long a polled task stays leased without a heartbeat. */
  leaseMs: number;
  /** How long a council run's lock lives without renewal: after an instance dies, another
   *  instance marks its run interrupted within about this time. */
  councilLockMs: number;
  agentTypes: string[];
  /** When set, GET /metrics asks for it as a Bearer token (MLO_METRICS_TOKEN). */
  metricsToken?: string;
}

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(l10n.t('{0} must be a positive number.', name));
  return value;
}

export function teamConfigFromEnvironment(env: Record<string, string | undefined>): TeamConfig {
  const redisUrl = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) {
    throw new Error(l10n.t('REDIS_URL must start with redis:// or rediss:// (TLS).'));
  }
  const prefix = env.MLO_REDIS_PREFIX?.trim() || 'mlo';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new Error(l10n.t('MLO_REDIS_PREFIX may hold only letters, digits, "_", "." and "-".'));
  }
  const types = (env.MLO_AGENT_TYPES ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const type of types) {
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(type) || type === ORCHESTRATOR_ROLE) {
      throw new Error(l10n.t('MLO_AGENT_TYPES: "{0}" is not a valid agent type.', type));
    }
  }
  return {
    redisUrl,
    prefix,
    leaseMs: positiveNumber(env.MLO_LEASE_SECONDS, 60, 'MLO_LEASE_SECONDS') * 1000,
    councilLockMs:
      positiveNumber(env.MLO_COUNCIL_LOCK_SECONDS, 30, 'MLO_COUNCIL_LOCK_SECONDS') * 1000,
    agentTypes: types.length > 0 ? types : DEFAULT_AGENT_TYPES,
    metricsToken: env.MLO_METRICS_TOKEN?.trim() || undefined,
  };
}
