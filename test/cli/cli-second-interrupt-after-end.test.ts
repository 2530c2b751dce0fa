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
import type { ConsensusResult } from '../../src/core/consensus-types';
import { resolveSchemaName, simulateCouncilReply } from '../fake-vendor/simulated-council';
import { CLI_PATH, ROOT } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

/** Far more than a pipe buffers (64 KB on Linux) plus what the reading side takes in. */
const PRODUCT_CHARS = 300_000;

describe('mlo run (dist/cli.js): Ctrl-C after the run ended', function () {
  this.timeout(120_000);
  const council = useFakeVendorCli('mlo-interrupt-after-end-', { perTest: true });

  it('does not lose the result being printed: it is whole on stdout and mlo exits by its code', async () => {
    const big = 'x'.repeat(PRODUCT_CHARS);
    council.vendor.script({
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
      env: council.env(),
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
