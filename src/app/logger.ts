/** The log port of the run services; every host supplies one (output channel, stderr, tests). */
import { redactKnownSecrets } from '../providers/common/redact-secrets';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Lines on stderr (stdout belongs to the MCP protocol or the CLI's --json output). */
export function createStderrLogger(
  options: { prefix?: string; level?: LogLevel; write?: (line: string) => void } = {},
): Logger {
  const prefix = options.prefix ?? '[mlo]';
  const minimum = LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const at =
    (level: LogLevel) =>
    (message: string): void => {
      if (LEVELS.indexOf(level) < minimum) return;
      const tag = level === 'info' ? '' : ` ${level}:`;
      write(`${prefix}${tag} ${redactKnownSecrets(message)}\n`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Wraps a host's logger so that nothing it receives can carry a known key. */
export function redactingLogger(inner: Logger): Logger {
  return {
    debug: (message) => inner.debug(redactKnownSecrets(message)),
    info: (message) => inner.info(redactKnownSecrets(message)),
    warn: (message) => inner.warn(redactKnownSecrets(message)),
    error: (message) => inner.error(redactKnownSecrets(message)),
  };
}
