/**
 * Issue 11 item 5 drill, bounded work: 200 concurrent start_consensus_task calls through one
 * stdio server (dist/mcp-server.js, standalone, the real providers against the fake vendor
 * server). At most MLO_MAX_CONCURRENT_RUNS run, MLO_MAX_QUEUED_RUNS wait as `queued`, the rest
 * are refused with a clear tool error, and the server keeps serving.
 */
import { strict as assert } from 'node:assert';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useStandaloneMcpSuite } from './support/standalone-mcp-suite';
import { textOf } from './support/tool-result-text';

const MAX_RUNS = 4;
const MAX_QUEUED = 50;
const CALLS = 200;

describe('drill: 200 concurrent start_consensus_task calls (run caps)', function () {
  this.timeout(180_000);
  const suite = useStandaloneMcpSuite('mlo-drill-caps-', {
    MLO_MAX_CONCURRENT_RUNS: String(MAX_RUNS),
    MLO_MAX_QUEUED_RUNS: String(MAX_QUEUED),
    MLO_MAX_CONCURRENT_MODEL_CALLS: '6',
  });

  const call = async (name: string, args: Record<string, unknown>) =>
    (await suite.spawned.client.callTool({ name, arguments: args }, undefined, {
      timeout: 150_000,
    })) as CallToolResult;

  const states = async (taskIds: string[]): Promise<string[]> =>
    Promise.all(
      taskIds.map(async (taskId) => {
        const status = await call('get_task_status', { taskId });
        return (status.structuredContent as { state: string }).state;
      }),
    );

  it('runs at most the configured number, queues the next ones, refuses the rest clearly, and stays healthy', async () => {
    // Slow vendor streams keep the first runs in flight while the others arrive.
    suite.vendor.script({ reply: () => ({ chunkDelayMs: 15 }) });
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        call('start_consensus_task', { task: `Name one use for a paperclip, variant ${i}` }),
      ),
    );
    const accepted = results.filter((result) => result.isError !== true);
    const refused = results.filter((result) => result.isError === true);
    assert.equal(accepted.length, MAX_RUNS + MAX_QUEUED);
    assert.equal(refused.length, CALLS - MAX_RUNS - MAX_QUEUED);
    for (const result of refused) {
      assert.match(
        textOf(result),
        new RegExp(`Not started: ${MAX_RUNS} runs are running and ${MAX_QUEUED} are queued`),
      );
    }
    const taskIds = accepted.map(
      (result) => (result.structuredContent as { taskId: string }).taskId,
    );

    const first = await states(taskIds);
    assert.ok(first.filter((state) => state === 'in_progress').length <= MAX_RUNS, first.join());
    assert.ok(first.filter((state) => state === 'queued').length >= MAX_QUEUED - MAX_RUNS);

    // Cancel the queued ones (they end at once, holding no slot) and let the running ones finish.
    const queued = taskIds.filter((_, i) => first[i] === 'queued');
    for (const taskId of queued) await call('cancel_task', { taskId });
    const running = taskIds.filter((_, i) => first[i] !== 'queued');
    let after = await states(taskIds);
    while (after.some((state) => !['completed', 'failed', 'cancelled'].includes(state))) {
      assert.ok(after.filter((state) => state === 'in_progress').length <= MAX_RUNS, after.join());
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await states(taskIds);
    }
    assert.equal(running.length, MAX_RUNS + MAX_QUEUED - queued.length);
    assert.ok(
      after.every((state) => ['completed', 'cancelled'].includes(state)),
      after.join(),
    );
    assert.equal(after.filter((state) => state === 'cancelled').length, queued.length);

    // Healthy: the next start is accepted and other tools answer.
    suite.vendor.script({ reply: () => ({}) });
    const next = await call('start_consensus_task', { task: 'One more after the storm' });
    assert.notEqual(next.isError, true, textOf(next));
    const list = await call('list_participants', {});
    assert.notEqual(list.isError, true, textOf(list));
  });
});
