import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type { VoteResult } from '../../src/core/vote-types';
import { EchoLanguageModel } from './support/echo-language-model';
import { createGate, fakeRunConsensus, fakeRunVote } from './support/fake-engine';
import { baseSettings, councilOver, memoryLogger, useTempFolder } from './support/council-fixture';

const fakeModels = (providerId: string, model: string) =>
  providerId === 'fake' ? new EchoLanguageModel(providerId, model) : undefined;

describe('council service (fake engine)', () => {
  const folder = useTempFolder();

  it('starts a run, reports status and the result, and writes its transcript', async () => {
    const { service } = councilOver(folder.path, fakeModels, {
      engine: { runConsensus: fakeRunConsensus() },
    });
    const events: RunEvent[] = [];
    const unwatch = service.watchAllRuns((event) => events.push(event));
    const { runId } = await service.startConsensus({
      input: { task: 'Add a docstring', outputKind: 'text' },
      origin: 'cli',
    });
    const own: RunEvent[] = [];
    service.subscribe(runId, (event) => own.push(event));
    const result = (await service.waitForResult(runId)) as ConsensusResult;
    unwatch();
    assert.equal(own[0]?.type, 'run-started', 'a subscriber right after start misses nothing');
    assert.equal(own.at(-1)?.type, 'run-finished');
    assert.equal(result.status, 'unanimous');
    assert.equal(result.product, 'product of Add a docstring');
    assert.equal(result.singleVendor, true);
    const status = await service.getStatus(runId);
    assert.equal(status?.state, 'completed');
    assert.equal(status?.progress, 1);
    assert.deepEqual(await service.getResult(runId), result);
    assert.ok(events.some((event) => event.type === 'phase-started'));
    const records = await service.readTranscript(runId);
    assert.deepEqual(
      records.map((record) => record.type),
      ['run-started', 'phase-started', 'call-finished', 'run-finished'],
    );
    const [summary] = await service.listRuns();
    assert.equal(summary?.runId, runId);
    assert.equal(summary?.state, 'completed');
    assert.equal(summary?.outcome, 'unanimous');
    assert.equal(summary?.origin, 'cli');
    service.dispose();
  });

  it('shows phase and round while running, and cancels to status cancelled with the transcript kept', async () => {
    const gate = createGate();
    const { service } = councilOver(folder.path, fakeModels, {
      engine: { runConsensus: fakeRunConsensus(gate) },
    });
    const { runId } = await service.startConsensus({
      input: { task: 'Long task', outputKind: 'text' },
      origin: 'mcp',
    });
    await new Promise<void>((resolve) => {
      const stop = service.subscribe(runId, (event) => {
        if (event.type === 'call-finished') {
          stop();
          resolve();
        }
      });
    });
    const running = await service.getStatus(runId);
    assert.equal(running?.state, 'in_progress');
    assert.equal(running?.phase, 'draft');
    assert.equal(running?.round, 1);
    assert.ok(running!.progress > 0 && running!.progress < 1);
    assert.equal(await service.cancel(runId), true);
    const result = (await service.waitForResult(runId)) as ConsensusResult;
    assert.equal(result.status, 'cancelled');
    assert.equal((await service.getStatus(runId))?.state, 'cancelled');
    assert.equal(await service.cancel(runId), false);
    const records = await service.readTranscript(runId);
    assert.equal(records.at(-1)?.type, 'run-finished');
    service.dispose();
  });

  it('cancels a run before the engine starts without calling it', async () => {
    let engineCalls = 0;
    const { service } = councilOver(folder.path, fakeModels, {
      engine: {
        runConsensus: (input, deps) => {
          engineCalls += 1;
          return fakeRunConsensus()(input, deps);
        },
      },
    });
    const { runId } = await service.startConsensus({
      input: { task: 'Never mind', outputKind: 'text' },
      origin: 'mcp',
    });
    assert.equal(await service.cancel(runId), true);
    assert.equal((await service.getStatus(runId))?.state, 'cancelled');
    const result = (await service.waitForResult(runId)) as ConsensusResult;
    assert.equal(result.status, 'cancelled');
    assert.equal(engineCalls, 0);
    assert.deepEqual(
      (await service.readTranscript(runId)).map((record) => record.type),
      ['run-started', 'run-finished'],
    );
    assert.equal((await service.listRuns())[0]?.state, 'cancelled');
    service.dispose();
  });

  it('runs two councils at once, each with its own transcript', async () => {
    const gates = [createGate(), createGate()];
    let next = 0;
    const { service } = councilOver(folder.path, fakeModels, {
      engine: {
        runConsensus: (input, deps) => fakeRunConsensus(gates[next++])(input, deps),
      },
    });
    const first = await service.startConsensus({
      input: { task: 'First', outputKind: 'text' },
      origin: 'panel',
    });
    const second = await service.startConsensus({
      input: { task: 'Second', outputKind: 'text' },
      origin: 'mcp',
    });
    assert.notEqual(first.runId, second.runId);
    gates[1]!.open();
    const secondResult = (await service.waitForResult(second.runId)) as ConsensusResult;
    assert.equal(secondResult.product, 'product of Second');
    assert.equal((await service.getStatus(first.runId))?.state, 'in_progress');
    gates[0]!.open();
    const firstResult = (await service.waitForResult(first.runId)) as ConsensusResult;
    assert.equal(firstResult.product, 'product of First');
    const files = readdirSync(folder.path).sort();
    assert.deepEqual(files, [`${first.runId}.jsonl`, `${second.runId}.jsonl`].sort());
    for (const [runId, task] of [
      [first.runId, 'First'],
      [second.runId, 'Second'],
    ] as const) {
      const records = await service.readTranscript(runId);
      assert.ok(records.every((record) => record.runId === runId));
      const started = records[0];
      assert.ok(started?.type === 'run-started' && 'task' in started.input);
      assert.equal((started.input as { task: string }).task, task);
    }
    service.dispose();
  });

  it('lists a run after a restart, as interrupted when it never finished; a torn last line is skipped', async () => {
    const never = new Promise<never>(() => {});
    const frozenEngine = fakeRunConsensus({ promise: never.then(() => {}), open: () => {} });
    let frozen = false;
    const before = councilOver(folder.path, fakeModels, {
      engine: {
        // The second run stops mid-way and ignores cancellation, like a process that died.
        runConsensus: (input, deps) =>
          frozen
            ? frozenEngine(input, { ...deps, signal: new AbortController().signal })
            : fakeRunConsensus()(input, deps),
      },
    });
    const done = await before.service.startConsensus({
      input: { task: 'Finished one', outputKind: 'text' },
      origin: 'cli',
    });
    await before.service.waitForResult(done.runId);
    frozen = true;
    const stuck = await before.service.startConsensus({
      input: { task: 'Unfinished one', outputKind: 'text' },
      origin: 'panel',
    });
    await new Promise<void>((resolve) => {
      before.service.subscribe(stuck.runId, (event) => {
        if (event.type === 'call-finished') resolve();
      });
    });
    await before.transcripts.flush();
    assert.equal(
      (await before.service.listRuns()).find((r) => r.runId === stuck.runId)?.state,
      'in_progress',
    );
    before.service.dispose();
    // The process died while writing the next record.
    appendFileSync(join(folder.path, `${stuck.runId}.jsonl`), '{"type":"call-fin');

    const after = councilOver(folder.path, fakeModels);
    const runs = await after.service.listRuns();
    assert.equal(runs.length, 2);
    const finished = runs.find((r) => r.runId === done.runId);
    assert.equal(finished?.state, 'completed');
    assert.equal(finished?.outcome, 'unanimous');
    const interrupted = runs.find((r) => r.runId === stuck.runId);
    assert.equal(interrupted?.state, 'interrupted');
    assert.equal(interrupted?.title, 'Unfinished one');
    assert.equal(interrupted?.origin, 'panel');
    const records = await after.service.readTranscript(stuck.runId);
    assert.deepEqual(
      records.map((r) => r.type),
      ['run-started', 'phase-started', 'call-finished'],
    );
    const status = await after.service.getStatus(stuck.runId);
    assert.equal(status?.state, 'failed');
    assert.match(status?.message ?? '', /Interrupted/);
    const result = (await after.service.getResult(done.runId)) as ConsensusResult;
    assert.equal(result.product, 'product of Finished one');
    await assert.rejects(after.service.waitForResult(stuck.runId), /interrupted/);
    await assert.rejects(after.service.waitForResult('no-such-run'), /Unknown run id/);
    after.service.dispose();
  });

  it('runs a vote with an auto-picked judge that is not a voter', async () => {
    const { service } = councilOver(folder.path, fakeModels, {
      settings: () =>
        baseSettings({
          participants: [
            { provider: 'fake', model: 'alpha' },
            { provider: 'fake', model: 'beta' },
            { provider: 'fake', model: 'gamma' },
          ],
        }),
      engine: { runVote: fakeRunVote() },
    });
    const { runId } = await service.startVote({
      input: { question: 'Is it safe?', strategy: 'majority' },
      participants: ['fake:alpha', 'fake:beta'],
      origin: 'cli',
    });
    const result = (await service.waitForResult(runId)) as VoteResult;
    assert.equal(result.reached, true);
    assert.equal(result.judge?.id, 'fake:gamma');
    assert.equal((await service.listRuns())[0]?.outcome, 'reached');
    service.dispose();
  });

  it('keeps a known key out of the transcript file and the logs', async () => {
    const canary = 'sk-canary-1234567890abcdef';
    const logger = memoryLogger();
    const leaky = (providerId: string, model: string) =>
      providerId === 'fake'
        ? new EchoLanguageModel(providerId, model, `the key was ${canary}`)
        : undefined;
    const { service } = councilOver(folder.path, leaky, {
      credentials: { getApiKey: (id) => Promise.resolve(id === 'openai' ? canary : undefined) },
      logger,
      engine: {
        runConsensus: async (input, deps) => {
          if (input.task === 'explode') throw new Error(`vendor said: bad key ${canary}`);
          return fakeRunConsensus()(input, deps);
        },
      },
    });
    const participants = ['fake:alpha', 'openai:gpt-test'];
    const first = await service.startConsensus({
      input: { task: 'echo', outputKind: 'text' },
      participants,
      origin: 'cli',
    });
    await service.waitForResult(first.runId);
    const second = await service.startConsensus({
      input: { task: 'explode', outputKind: 'text' },
      participants,
      origin: 'cli',
    });
    const failed = (await service.waitForResult(second.runId)) as ConsensusResult;
    assert.equal(failed.status, 'failed');
    for (const runId of [first.runId, second.runId]) {
      const text = readFileSync(join(folder.path, `${runId}.jsonl`), 'utf8');
      assert.ok(text.includes('[redacted]'), 'the record that carried the key is still written');
      assert.ok(!text.includes(canary));
    }
    assert.ok(logger.lines.some((line) => line.includes('[redacted]')));
    assert.ok(logger.lines.every((line) => !line.includes(canary)));
    service.dispose();
  });

  it('refuses unknown providers, missing keys and too few participants with what to set', async () => {
    const { service } = councilOver(folder.path, fakeModels, {
      credentials: {
        getApiKey: () => Promise.resolve(undefined),
        howToSetKey: (id) => `Set ${id.toUpperCase()}_API_KEY`,
      },
    });
    const start = (participants: string[]) =>
      service.startConsensus({
        input: { task: 't', outputKind: 'text' },
        participants,
        origin: 'cli',
      });
    await assert.rejects(start(['nope:model', 'fake:a']), (error: Error & { hint?: string }) => {
      assert.match(error.message, /Unknown provider "nope"/);
      assert.match(error.hint ?? '', /openai, anthropic, google/);
      return true;
    });
    await assert.rejects(
      start(['anthropic:claude-x', 'fake:a']),
      (error: Error & { hint?: string }) => {
        assert.match(error.message, /No API key for Anthropic/);
        assert.equal(error.hint, 'Set ANTHROPIC_API_KEY');
        return true;
      },
    );
    await assert.rejects(start(['fake:a']), /at least 2 participants/);
    await assert.rejects(start(['justtext', 'fake:a']), /provider:model/);
    assert.deepEqual(await service.listRuns(), []);
    service.dispose();
  });

  it('lists participants with availability and the reason to fix', async () => {
    const { service } = councilOver(folder.path, fakeModels, {
      settings: () =>
        baseSettings({
          participants: [
            { provider: 'openai', model: 'gpt-test' },
            { provider: 'anthropic', model: 'claude-test' },
            { provider: 'fake', model: 'alpha', displayName: 'Alpha' },
          ],
        }),
      credentials: {
        getApiKey: (id) => Promise.resolve(id === 'openai' ? 'sk-present-000000' : undefined),
      },
    });
    const list = await service.listParticipants();
    assert.deepEqual(
      list.map((p) => [p.id, p.available, p.keyPresent]),
      [
        ['openai:gpt-test', true, true],
        ['anthropic:claude-test', false, false],
        ['fake:alpha', true, false],
      ],
    );
    assert.match(list[1]!.reason ?? '', /Set API Key|ANTHROPIC_API_KEY/);
    assert.equal(list[2]!.displayName, 'Alpha');
    service.dispose();
  });
});
