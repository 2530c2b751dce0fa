/** `mlo serve`: the team server (src/server) on Redis, until SIGTERM / SIGINT. */
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';

export async function serveCommand(args: string[], io: CliIo): Promise<'serving'> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      'allowed-origin': { type: 'string', multiple: true, default: [] },
      'allowed-host': { type: 'string', multiple: true, default: [] },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      l10n.t('--port must be a port number (0 picks a free one), not "{0}".', values.port),
    );
  }
  // Loaded only here: Redis, BullMQ and the HTTP server cost every other command's start-up.
  const { startTeamServer } = await import('../server/start-team-server');
  const server = await startTeamServer(io.env, {
    host: values.host,
    port,
    allowedOrigins: values['allowed-origin'],
    allowedHosts: values['allowed-host'],
  });
  io.err(`mlo serve: ${l10n.t('listening on {0}', server.url)}\n`);
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  io.onInterrupt(stop);
  process.once('SIGTERM', stop);
  return 'serving';
}
