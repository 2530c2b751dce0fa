/**
 * Runs the fake vendor server alone (for the demo, for e2e tests in other processes, and for
 * trying the CLI by hand against it):
 *   npx tsx test/fake-vendor/serve.ts [--port N] [--record FILE] [--latency-ms N]
 * prints one JSON line {url, baseUrls} on stdout and serves the simulated council until killed.
 * With --record, every request it received (credentials redacted) is appended to FILE as one
 * JSON line once its reply is over. With --latency-ms, every model answer starts that late (a
 * slow model), so a run can be watched, cancelled or its process killed midway.
 */
import { appendFileSync } from 'node:fs';
import { startFakeVendorServer } from './fake-vendor-server';

const HELP = `Usage: npx tsx test/fake-vendor/serve.ts [--port N] [--record FILE] [--latency-ms N]

A local stand-in for the OpenAI, OpenAI-compatible, Anthropic and Gemini APIs (simulated
answers only; see test/fake-vendor/README.md). Prints {"url","baseUrls"} on one line.

  --port N       port on 127.0.0.1 (default 0: any free port)
  --record FILE  append every request (vendor, path, model, schemaName, body; credentials
                 redacted) to FILE as JSON lines
  --latency-ms N every model answer starts N ms late (a slow model: time to watch,
                 cancel or kill a run midway)
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

function readInteger(argv: string[], name: string, max: number): number {
  const value = flagValue(argv, name);
  const number = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new Error(`${name} must be 0..${max}, got ${value}`);
  }
  return number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const recordFile = flagValue(argv, '--record');
  const server = await startFakeVendorServer({
    port: readInteger(argv, '--port', 65535),
    ...(recordFile === undefined
      ? {}
      : { onRecorded: (record) => appendFileSync(recordFile, `${JSON.stringify(record)}\n`) }),
  });
  const latencyMs = readInteger(argv, '--latency-ms', 600_000);
  if (latencyMs > 0) server.script({ reply: { delayMs: latencyMs } });
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
