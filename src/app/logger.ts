/** The log port of the run services; every host supplies one (output channel, stderr, tests). */
import { redactKnownSecrets } from '../providers/common/redact-secrets';
import type { ModelNote } from '../shared/model-note';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** `cause`: the same as data, for a host that says it in its own words (src/cli/warning-text.ts). */
  warn(message: string, cause?: WarningCause): void;
  error(message: string): void;
}

/**
 * What a warning is about. Ids and names come from the user's settings, `detail` from a vendor
 * (outside text): a host puts them into its sentence as data, never as the sentence.
 */
export type WarningCause =
  | { kind: 'model-note'; note: ModelNote }
  /** A configured participant without its key, or of an unknown provider (`known`: the known ones), left out of a run. */
  | {
      kind: 'left-out';
      participantId: string;
      provider: string;
      why: 'no-api-key' | 'unknown-provider';
      known: string[];
    }
  /** A vendor call failed and is retried; `error` is its kind (rate-limit, timeout, …). */
  | {
      kind: 'retry';
      participantId: string;
      attempt: number;
      delayMs: number;
      error: string;
      detail: string;
    }
  /** A participant's vendor SDK logged a warning or error; `detail` is its text. */
  | { kind: 'vendor-sdk'; participantId: string; provider: string; detail: string };

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
  options: {
    prefix?: string;
    level?: LogLevel;
    write?: (line: string) => void;
    /** A warning in the host's words (by its cause); the English message when it has none. */
    warning?: (message: string, cause: WarningCause | undefined) => string;
  } = {},
): Logger {
  const prefix = options.prefix ?? '[mlo]';
  const minimum = LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const at =
    (level: LogLevel) =>
    (message: string, cause?: WarningCause): void => {
      if (LEVELS.indexOf(level) < minimum) return;
      if (level === 'warn' && options.warning) {
        write(`${prefix} ${redactKnownSecrets(options.warning(message, cause))}\n`);
        return;
      }
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
    warn: (message, cause) =>
      inner.warn(
        redactKnownSecrets(message),
        cause?.kind === 'retry' || cause?.kind === 'vendor-sdk'
          ? { ...cause, detail: redactKnownSecrets(cause.detail) }
          : cause,
      ),
    error: (message) => inner.error(redactKnownSecrets(message)),
  };
}
