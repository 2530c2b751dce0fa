/** `mlo <command> …`: dispatch, help, version, and the mapping of errors to exit codes. */
import { isConfigurationError } from '../app/configuration-error';
import { version } from '../../package.json';
import type { CliIo } from './cli-io';
import { describeCliError, UsageError } from './cli-errors';
import { MAIN_HELP, MCP_HELP, MODELS_HELP, RUN_HELP, VOTE_HELP } from './cli-help';
import { EXIT_NOT_REACHED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { agentsCommand } from './agents-command';
import { mcpCommand } from './mcp-command';
import { anyKeyConfigured, NO_KEYS_MESSAGE } from './missing-keys-message';
import { modelsCommand } from './models-command';
import { runCommand } from './run-command';
import { serveCommand } from './serve-command';
import { AGENTS_HELP, SERVE_HELP } from './team-help';
import { voteCommand } from './vote-command';

const HELP: Record<string, string> = {
  run: RUN_HELP,
  vote: VOTE_HELP,
  models: MODELS_HELP,
  mcp: MCP_HELP,
  serve: SERVE_HELP,
  agents: AGENTS_HELP,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** The exit code, or 'serving' when the MCP server now owns the process. */
export async function runCli(argv: string[], io: CliIo): Promise<number | 'serving'> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    await io.out(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    await io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (command === 'help') {
    await io.out(HELP[rest[0] ?? ''] ?? MAIN_HELP);
    return EXIT_OK;
  }
  const help = HELP[command];
  if (help === undefined) {
    io.err(`mlo: unknown command "${command}".\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    await io.out(help);
    return EXIT_OK;
  }
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io);
      case 'vote':
        return await voteCommand(rest, io);
      case 'models':
        return await modelsCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'agents':
        return await agentsCommand(rest, io);
      default:
        if (rest.length > 0) throw new UsageError(`mlo mcp takes no arguments.`);
        return await mcpCommand(io);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`mlo: ${(error as Error).message}\nSee: mlo ${command} --help\n`);
      return EXIT_USAGE;
    }
    if (isConfigurationError(error)) {
      io.err(anyKeyConfigured(io.env) ? describeCliError(error) : `mlo: ${NO_KEYS_MESSAGE}`);
      return EXIT_USAGE;
    }
    io.err(describeCliError(error));
    return EXIT_NOT_REACHED;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
