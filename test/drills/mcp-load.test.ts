/**
 * Issue 7 drill, load: one real stdio MCP server (dist/mcp-server.js, standalone mode, the real
 * providers pointed at the fake vendor server) under concurrent runs and a burst of bad calls.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useStandaloneMcpSuite } from './support/standalone-mcp-suite';
import { textOf } from './support/tool-result-text';

/** Task texts that share no line, so a transcript holding another run's task is a mix-up. */
const TASKS = [
  'Summarise the harbour tide tables for sailors',
  'Name three uses for a paperclip in an office',
  'Explain why the sky looks blue at noon',
  'Write a haiku about compiling large projects',
  'List the steps to repot a cactus safely',
];
/** This run's vendor replies stream slowly, so it finishes well after the others. */
const SLOW_TASK = TASKS[2]!;
const SLOW_CHUNK_DELAY_MS = 40;

interface ConsensusOutput {
  taskId: string;
  status: string;
  converged: boolean;
  product: string;
}

describe('drill: MCP server under load (stdio, standalone, fake vendors)', function () {
  this.timeout(120_000);
  // Five runs at once, none waiting for a slot (the default cap is 4 runs per process).
  const suite = useStandaloneMcpSuite('mlo-drill-load-', { MLO_MAX_CONCURRENT_RUNS: '8' });

  const runConsensus = async (task: string): Promise<CallToolResult> =>
    (await suite.spawned.client.callTool(
      { name: 'run_consensus_task', arguments: { task } },
      undefined,
      {
        timeout: 100_000,
      },
    )) as CallToolResult;

  it('five concurrent run_consensus_task calls all converge, each with its own run and transcript, and a slow one blocks none', async () => {
    suite.vendor.script({
      reply: (call) =>
        call.userText.includes(SLOW_TASK) ? { chunkDelayMs: SLOW_CHUNK_DELAY_MS } : {},
    });
    const finished: string[] = [];
    const results = await Promise.all(
      TASKS.map(async (task) => {
        const result = await runConsensus(task);
        finished.push(task);
        return result;
      }),
    );
    // The slowed run's replies really streamed (a pause between pieces only slows a stream).
    const slowStreams = suite.vendor.calls.filter(
      (call) => call.stream === true && JSON.stringify(call.body).includes(SLOW_TASK),
    );
    suite.vendor.reset();
    assert.ok(slowStreams.length >= 3, `streamed calls of the slowed run: ${slowStreams.length}`);

    const outputs = results.map((result, index) => {
      assert.notEqual(result.isError, true, `${TASKS[index]}: ${textOf(result)}`);
      return result.structuredContent as unknown as ConsensusOutput;
    });
    for (const [index, output] of outputs.entries()) {
      assert.equal(output.converged, true, `${TASKS[index]}: status ${output.status}`);
      assert.ok(['unanimous', 'majority'].includes(output.status), output.status);
      assert.ok(output.product.includes(TASKS[index]!), `product answers its own task`);
    }
    const runIds = outputs.map((output) => output.taskId);
    assert.equal(new Set(runIds).size, TASKS.length, `distinct run ids: ${runIds.join(', ')}`);

    for (const [index, runId] of runIds.entries()) {
      const path = join(suite.dataDir, `${runId}.jsonl`);
      assert.ok(existsSync(path), `transcript file of ${runId}`);
      const transcript = readFileSync(path, 'utf8');
      assert.ok(transcript.includes(TASKS[index]!), `${runId} holds its own task`);
      for (const other of TASKS.filter((task) => task !== TASKS[index]))
        assert.ok(!transcript.includes(other), `${runId} holds another run's task: "${other}"`);
    }

    // The other four did not wait for the slow one: they all came back before it did.
    assert.equal(finished.at(-1), SLOW_TASK, `completion order: ${finished.join(' | ')}`);
    assert.deepEqual(
      finished.slice(0, -1).sort(),
      TASKS.filter((task) => task !== SLOW_TASK).sort(),
    );
  });

  it('100 rapid invalid calls all come back as errors, and the server keeps serving', async () => {
    const twoMegabytes = 'y'.repeat(2 * 1024 * 1024);
    const kinds: { label: string; name: string; args: Record<string, unknown> }[] = [
      { label: 'missing task', name: 'run_consensus_task', args: {} },
      { label: 'task of wrong type', name: 'run_consensus_task', args: { task: 42 } },
      {
        label: 'wrong types',
        name: 'run_consensus_task',
        args: { task: ['a'], maxRounds: 'four' },
      },
      {
        label: 'unknown provider',
        name: 'run_consensus_task',
        args: { task: 'Pick a colour', participants: ['openai:gpt-sim', 'nosuchvendor:model-x'] },
      },
      { label: 'unknown tool', name: 'no_such_tool', args: { task: 'x' } },
      { label: 'oversized task', name: 'run_consensus_task', args: { task: twoMegabytes } },
      {
        label: 'unknown task id',
        name: 'get_task_status',
        args: { taskId: 'run-that-never-was' },
      },
      { label: 'vote without question', name: 'consensus_vote', args: { strategy: 'majority' } },
      { label: 'status without id', name: 'get_task_status', args: {} },
      { label: 'bad offset', name: 'get_iteration_log', args: { taskId: 'x', offset: -5 } },
    ];
    const calls = Array.from({ length: 100 }, (_, index) => kinds[index % kinds.length]!);
    const settled = await Promise.allSettled(
      calls.map(
        async ({ name, args }) =>
          (await suite.spawned.client.callTool({ name, arguments: args }, undefined, {
            timeout: 60_000,
          })) as CallToolResult,
      ),
    );

    const notErrors: string[] = [];
    for (const [index, outcome] of settled.entries()) {
      const { label } = calls[index]!;
      if (outcome.status === 'rejected') {
        // A JSON-RPC error is an acceptable way to refuse; a dropped connection is not.
        const code = (outcome.reason as { code?: unknown }).code;
        if (typeof code !== 'number' || code === -32001 || code === -32000)
          notErrors.push(`${label}: ${String(outcome.reason)}`);
      } else if (outcome.value.isError !== true) {
        notErrors.push(`${label}: not an error: ${textOf(outcome.value).slice(0, 200)}`);
      } else {
        assert.ok(textOf(outcome.value).trim() !== '', `${label}: the error says something`);
      }
    }
    assert.deepEqual(notErrors, [], 'every bad call came back as an MCP error');
    assert.equal(
      suite.vendor.calls.length,
      0,
      'no bad call reached a vendor (nothing was spent on it)',
    );

    const { tools } = await suite.spawned.client.listTools();
    assert.ok(tools.some((tool) => tool.name === 'run_consensus_task'));
    const healthy = await runConsensus('Suggest a name for a sailing dinghy');
    assert.notEqual(healthy.isError, true, textOf(healthy));
    assert.equal((healthy.structuredContent as unknown as ConsensusOutput).converged, true);

    assert.deepEqual(
      suite.spawned.errors.map((error) => error.message),
      [],
      'no transport errors',
    );
    assert.doesNotMatch(
      suite.spawned.stderr(),
      /uncaught|unhandled|TypeError|RangeError|ReferenceError|SyntaxError|\n\s+at .+:\d+:\d+/i,
      'stderr shows no uncaught exception',
    );
  });
});
