import { strict as assert } from 'node:assert';
import { RunQueries, untilAborted } from '../../src/app/run-queries';
import { RunRegistry } from '../../src/app/run-registry';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { RunResult, RunSummary } from '../../src/shared/council-service';
import { memoryLogger } from './support/council-fixture';
import { MemoryTranscriptStore } from './support/memory-transcript-store';

function summary(runId: string, startedAt: number, state: RunSummary['state']): RunSummary {
  return {
    runId,
    protocol: 'consensus',
    title: runId,
    state,
    origin: 'cli',
    participants: [],
    startedAt,
  };
}

function setUp() {
  const registry = new RunRegistry(memoryLogger());
  const store = new MemoryTranscriptStore();
  return { registry, store, queries: new RunQueries(registry, store, memoryLogger()) };
}

describe('run queries', () => {
  it('lists live and stored runs newest first, a live run by its own summary', async () => {
    const { registry, store, queries } = setUp();
    store.summaries = [summary('old', 1, 'completed'), summary('live', 5, 'interrupted')];
    registry.create({
      runId: 'live',
      protocol: 'consensus',
      origin: 'panel',
      title: 'live',
      participants: [],
      startedAt: 5,
    });
    registry.create({
      runId: 'newest',
      protocol: 'vote',
      origin: 'mcp',
      title: 'newest',
      participants: [],
      startedAt: 9,
    });
    const listed = await queries.listRuns();
    assert.deepEqual(
      listed.map((run) => [run.runId, run.state]),
      [
        ['newest', 'pending'],
        ['live', 'pending'],
        ['old', 'completed'],
      ],
    );
  });

  it('still lists live runs when the stored ones cannot be read', async () => {
    const { registry, store, queries } = setUp();
    store.list = () => Promise.reject(new Error('disk gone'));
    registry.create({
      runId: 'a',
      protocol: 'consensus',
      origin: 'cli',
      title: 'a',
      participants: [],
      startedAt: 1,
    });
    assert.deepEqual(
      (await queries.listRuns()).map((run) => run.runId),
      ['a'],
    );
  });

  it('answers for an unknown id with nothing, and never reads a path-like id', async () => {
    const { store, queries } = setUp();
    let reads = 0;
    const read = store.read.bind(store);
    store.read = (runId) => {
      reads += 1;
      return read(runId);
    };
    assert.deepEqual(await queries.readTranscript('../secrets'), []);
    assert.equal(reads, 0);
    assert.equal(await queries.getResult('nope'), undefined);
    await assert.rejects(queries.waitForResult('nope'), /Unknown run id: nope/);
  });

  it('says a stored run without an end record was interrupted', async () => {
    const { store, queries } = setUp();
    const started = {
      type: 'run-started',
      runId: 'cut',
      at: 1,
      seq: 0,
      protocol: 'consensus',
      participants: [],
      input: { task: 't', outputKind: 'text' },
      host: { origin: 'cli', pid: 2 ** 30, instance: 'gone' },
    } as TranscriptRecord;
    await store.append('cut', started);
    const status = await queries.getStatus('cut');
    assert.equal(status?.state, 'failed');
    assert.match(status?.message ?? '', /^Interrupted: the process running it ended/);
    await assert.rejects(queries.waitForResult('cut'), /interrupted before it finished/);
  });

  it('stops waiting when the signal aborts, without ending the run', async () => {
    const never = new Promise<RunResult>(() => {});
    const controller = new AbortController();
    const waiting = untilAborted(never, controller.signal);
    controller.abort(new Error('client left'));
    await assert.rejects(waiting, /client left/);
    const done = untilAborted(Promise.resolve(42), new AbortController().signal);
    assert.equal(await done, 42);
  });
});
