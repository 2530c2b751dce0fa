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

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (text) => writeTo(process.stdout, text),
    err: (text) => {
      process.stderr.write(text);
    },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
