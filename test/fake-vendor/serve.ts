/**
 * Runs the fake vendor server alone (for the demo, for e2e tests in other processes, and for
 * trying the CLI by hand against it):
 *   npx tsx test/fake-vendor/serve.ts [--port N] [--record FILE]
 * prints one JSON line {url, baseUrls} on stdout and serves the simulated council until killed.
 * With --record, every request it received (credentials redacted) is appended to FILE as one
 * JSON line once its reply is over.
 */
import { appendFileSync } from 'node:fs';
import { startFakeVendorServer } from './fake-vendor-server';

const HELP = `Usage: npx tsx test/fake-vendor/serve.ts [--port N] [--record FILE]

A local stand-in for the OpenAI, OpenAI-compatible, Anthropic and Gemini APIs (simulated
answers only; see test/fake-vendor/README.md). Prints {"url","baseUrls"} on one line.

  --port N       port on 127.0.0.1 (default 0: any free port)
  --record FILE  append every request (vendor, path, model, schemaName, body; credentials
                 redacted) to FILE as JSON lines
  -h, --help

Point the CLI at it, e.g. (any key value works; it is never checked):
  OPENAI_BASE_URL=<baseUrls.openai> OPENAI_API_KEY=sk-fake
  ANTHROPIC_BASE_URL=<baseUrls.anthropic> ANTHROPIC_API_KEY=sk-fake
  GEMINI_BASE_URL=<baseUrls.google> GEMINI_API_KEY=fake
  node dist/cli.js run "task" --participants openai:gpt-blind,anthropic:claude-blind,google:gemini-blind
A model id containing "blind" gets the schema-only council (more words: abbrev, wrong,
missing, selfid, inject, long, praise); other ids get the simulated council.
`;

function flagValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function readPort(argv: string[]): number {
  const value = flagValue(argv, '--port');
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0..65535, got ${value}`);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const recordFile = flagValue(argv, '--record');
  const server = await startFakeVendorServer({
    port: readPort(argv),
    ...(recordFile === undefined
      ? {}
      : { onRecorded: (record) => appendFileSync(recordFile, `${JSON.stringify(record)}\n`) }),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, baseUrls: server.baseUrls })}\n`);
  process.stderr.write(
    'Fake vendor server: SIMULATED participants only (no real model is called).\n',
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
