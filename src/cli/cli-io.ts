import { terminalSafeText } from './terminal-safe-text';

/** What the CLI touches of its process, so commands can be run in-process by tests. */
export interface CliIo {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves once the text is handed to the OS (so exiting right after loses nothing). */
  out(text: string): Promise<void>;
  err(text: string): void;
  /** Registers a Ctrl-C handler; returns its removal. */
  onInterrupt(handler: () => void): () => void;
}

function writeTo(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * @param raw `--raw`: write model text to a terminal unchanged. Otherwise a stream that is a
 *   terminal gets terminal-safe text (control sequences shown, not run).
 */
export function processIo(
  raw = false,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): CliIo {
  const safe = (stream: NodeJS.WriteStream, text: string) =>
    !raw && stream.isTTY ? terminalSafeText(text) : text;
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (text) => writeTo(stdout, safe(stdout, text)),
    err: (text) => {
      stderr.write(safe(stderr, text));
    },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
