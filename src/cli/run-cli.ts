/** `mlo <command> …`: dispatch, help, version, and the mapping of errors to exit codes. */
import * as l10n from '@vscode/l10n';
import { isConfigurationError } from '../app/configuration-error';
import { version } from '../../package.json';
import type { CliIo } from './cli-io';
import { describeCliError, isParseArgsError, parseArgsErrorText, UsageError } from './cli-errors';
import { mainHelp, mcpHelp, modelsHelp, runHelp, voteHelp } from './cli-help';
import { useCliLanguage } from './cli-language';
import { EXIT_NOT_REACHED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { agentsCommand } from './agents-command';
import { mcpCommand } from './mcp-command';
import { anyKeyConfigured, noKeysMessage } from './missing-keys-message';
import { modelsCommand } from './models-command';
import { runCommand } from './run-command';
import { serveCommand } from './serve-command';
import { agentsHelp, serveHelp } from './team-help';
import { voteCommand } from './vote-command';

/** Each command's help, in the language of this invocation (so: built when asked for). */
const HELP: Record<string, () => string> = {
  run: runHelp,
  vote: voteHelp,
  models: modelsHelp,
  mcp: mcpHelp,
  serve: serveHelp,
  agents: agentsHelp,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** The exit code, or 'serving' when the MCP server now owns the process. */
export async function runCli(argv: string[], io: CliIo): Promise<number | 'serving'> {
  useCliLanguage(io.env);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    await io.out(mainHelp());
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    await io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (command === 'help') {
    await io.out((HELP[rest[0] ?? ''] ?? mainHelp)());
    return EXIT_OK;
  }
  const help = HELP[command];
  if (help === undefined) {
    io.err(`mlo: ${l10n.t('unknown command "{0}".', command)}\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    await io.out(help());
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
        if (rest.length > 0) throw new UsageError(l10n.t('mlo mcp takes no arguments.'));
        return await mcpCommand(io);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = error instanceof UsageError ? error.message : parseArgsErrorText(error);
      io.err(`mlo: ${message}\n${l10n.t('See: mlo {0} --help', command)}\n`);
      return EXIT_USAGE;
    }
    if (isConfigurationError(error)) {
      io.err(anyKeyConfigured(io.env) ? describeCliError(error) : `mlo: ${noKeysMessage()}`);
      return EXIT_USAGE;
    }
    io.err(describeCliError(error));
    return EXIT_NOT_REACHED;
  }
}
