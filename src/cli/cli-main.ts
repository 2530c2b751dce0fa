/** The `mlo` command line (dist/cli.js). */
import { processIo } from './cli-io';
import { runCli } from './run-cli';

// `--raw` (any command): model text goes to a terminal unchanged, escape sequences included.
const args = process.argv.slice(2);
const raw = args.includes('--raw');

runCli(
  args.filter((arg) => arg !== '--raw'),
  processIo(raw),
).then(
  (code) => {
    // The MCP server keeps the process alive on its own; every other command ends here, without
    // waiting for idle keep-alive sockets of the vendor SDKs.
    if (code !== 'serving') process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`mlo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
