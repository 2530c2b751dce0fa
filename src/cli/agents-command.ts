/** `mlo agents add|list|revoke`: the team server's per-agent keys, kept in Redis as hashes. */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { AgentKeys } from '../server/agent-keys';
import { ORCHESTRATOR_ROLE, teamConfigFromEnvironment } from '../server/team-config';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';
import { EXIT_NOT_REACHED, EXIT_OK } from './exit-codes';

async function withKeys<T>(io: CliIo, body: (keys: AgentKeys) => Promise<T>): Promise<T> {
  // Loaded only here: the Redis client costs every other command's start-up.
  const [{ AgentKeys }, { assertRedisReachable, createRedisClient }] = await Promise.all([
    import('../server/agent-keys'),
    import('../server/redis-client'),
  ]);
  const config = teamConfigFromEnvironment(io.env);
  const redis = createRedisClient(config.redisUrl);
  try {
    await assertRedisReachable(redis);
    return await body(new AgentKeys(redis, config.prefix));
  } finally {
    redis.disconnect();
  }
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { type: { type: 'string' }, id: { type: 'string' } },
  });
  const config = teamConfigFromEnvironment(io.env);
  const role = values.type;
  const roles = [ORCHESTRATOR_ROLE, ...config.agentTypes];
  if (!role || !roles.includes(role))
    throw new UsageError(l10n.t('--type must be one of {0}.', roles.join(', ')));
  const id = values.id ?? `${role}-agent-${randomBytes(3).toString('hex')}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) {
    throw new UsageError(l10n.t('--id may hold letters, digits, "_", "." and "-" (at most 64).'));
  }
  const key = await withKeys(io, (keys) => keys.add(id, role));
  io.err(`${l10n.t('Key for {0} "{1}" (shown once; only its hash is stored):', role, id)}\n`);
  await io.out(`${key}\n`);
  io.err(
    `${l10n.t('Send it as the header "Authorization: Bearer <key>". Revoke it with: mlo agents revoke {0}', id)}\n`,
  );
  return EXIT_OK;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const records = await withKeys(io, (keys) => keys.list());
  if (values.json) {
    await io.out(`${JSON.stringify(records, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = records.map(
    (r) =>
      `${r.agent_id}\t${r.role}\t${l10n.t('created {0}', r.created_at)}${r.revoked_at ? `\t${l10n.t('revoked {0}', r.revoked_at)}` : ''}`,
  );
  await io.out(
    lines.length > 0
      ? `${lines.join('\n')}\n`
      : `${l10n.t('No keys yet. Issue one with: mlo agents add --type orchestrator')}\n`,
  );
  return EXIT_OK;
}

async function revoke(args: string[], io: CliIo): Promise<number> {
  const [id, ...extra] = args;
  if (!id || extra.length > 0)
    throw new UsageError(l10n.t('mlo agents revoke takes one agent id.'));
  const revoked = await withKeys(io, (keys) => keys.revoke(id));
  if (!revoked) {
    io.err(`mlo: ${l10n.t('no live key for "{0}" (see mlo agents list).', id)}\n`);
    return EXIT_NOT_REACHED;
  }
  await io.out(`${l10n.t('Revoked the key of "{0}"; its next request gets 401.', id)}\n`);
  return EXIT_OK;
}

export async function agentsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return add(rest, io);
    case 'list':
      return list(rest, io);
    case 'revoke':
      return revoke(rest, io);
    default:
      throw new UsageError(l10n.t('mlo agents takes add, list or revoke.'));
  }
}
