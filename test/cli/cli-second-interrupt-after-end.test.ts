/**
 * A Ctrl-C after the run has ended costs nothing (src/cli/follow-run.ts): the built dist/cli.js
 * gets a real SIGINT while it is printing a result. The result is larger than the pipe's buffer
 * and the test reads stdout only after the signal, so the signal lands while `mlo` is held in
 * printing, after the run's end; without a handler then, the process would die of it and the
 * result would be lost.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { resolveSchemaName, simulateCouncilReply } from '../fake-vendor/simulated-council';
import { buildCliOnce, cleanEnvironment, CLI_PATH, ROOT } from './support/cli-process';

/** Far more than a pipe buffers (64 KB on Linux) plus what the reading side takes in. */
const PRODUCT_CHARS = 300_000;

describe('mlo run (dist/cli.js): Ctrl-C after the run ended', function () {
  this.timeout(120_000);
  let vendor: FakeVendorServer;
  let dataDir: string;

  before(async () => {
    buildCliOnce();
    vendor = await startFakeVendorServer();
  });
  after(async () => {
    await vendor?.close();
  });
  beforeEach(() => {
    vendor.reset();
    dataDir = mkdtempSync(join(tmpdir(), 'mlo-interrupt-after-end-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('does not lose the result being printed: it is whole on stdout and mlo exits by its code', async () => {
    const big = 'x'.repeat(PRODUCT_CHARS);
    vendor.script({
      reply: (call) => {
        const schemaName = resolveSchemaName(call.schemaName, call.schema);
        if (schemaName !== 'draft' && schemaName !== 'merge' && schemaName !== 'final') return {};
        const reply = JSON.parse(
          simulateCouncilReply({
            model: call.model,
            prompt: call.userText,
            system: call.system,
            ...(call.schemaName ? { schemaName: call.schemaName } : {}),
            schema: call.schema,
          }),
        ) as Record<string, unknown>;
        return { text: JSON.stringify({ ...reply, product: big }), chunkSize: 100_000 };
      },
    });
    const child = spawn(process.execPath, [CLI_PATH, 'run', 'Name a colour', '--json'], {
      cwd: ROOT,
      env: cleanEnvironment({
        OPENAI_API_KEY: 'sk-test-openai',
        OPENAI_BASE_URL: vendor.baseUrls.openai,
        ANTHROPIC_API_KEY: 'sk-test-anthropic',
        ANTHROPIC_BASE_URL: vendor.baseUrls.anthropic,
        GEMINI_API_KEY: 'test-gemini-key',
        GEMINI_BASE_URL: vendor.baseUrls.google,
        MLO_PARTICIPANTS: 'openai:gpt-sim,anthropic:claude-sim,google:gemini-sim',
        MLO_DATA_DIR: dataDir,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    // The first bytes of the result: the run has ended and mlo is printing; the pipe is full.
    await once(child.stdout, 'readable');
    assert.ok(child.kill('SIGINT'));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const [code, signal] = await exited;
    assert.equal(signal, null, `mlo died of ${signal}; stderr:\n${stderr}`);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout) as ConsensusResult;
    assert.equal(result.product?.length, PRODUCT_CHARS);
    assert.doesNotMatch(stderr, /stopping with the best so far/, 'the late Ctrl-C did nothing');
  });
});
