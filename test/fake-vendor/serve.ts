/**
 * Runs the fake vendor server alone (for the demo and for e2e tests in other processes):
 *   npx tsx test/fake-vendor/serve.ts --port 0
 * prints one JSON line {url, baseUrls} on stdout and serves the simulated council until killed.
 */
import { startFakeVendorServer } from './fake-vendor-server';

function readPort(argv: string[]): number {
  const index = argv.indexOf('--port');
  const value = index >= 0 ? argv[index + 1] : undefined;
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0..65535, got ${value}`);
  }
  return port;
}

async function main(): Promise<void> {
  const server = await startFakeVendorServer({ port: readPort(process.argv.slice(2)) });
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
