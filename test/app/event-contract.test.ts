/**
 * The event contract's guarantees (docs/ARCHITECTURE.md "The event flow"), each on its own:
 * whoever hears run-finished can read the run's result from the service at once; a live
 * run-started carries the host that runs it, apart from the engine's settings; a transcript
 * written before the split (host facts inside `settings`, a failed run ending in `run-failed`)
 * still reads, with its origin and its writer's liveness.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  registerWriterInstance,
  unregisterWriterInstance,
} from '../../src/app/run-writer-liveness';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent, RunStartedEvent } from '../../src/core/run-events';
import { buildRunView } from '../../src/shared/run-view-state';
import type { CouncilService, RunResult, TaskStatus } from '../../src/shared/council-service';
import { fakeRunConsensus } from './support/fake-engine';
import { EchoLanguageModel } from './support/echo-language-model';
import { councilOver, memoryLogger } from './support/council-fixture';
import { useVendorSuite, vendorCouncil } from '../support/vendor-council';

interface SeenAtEnd {
  via: 'subscriber' | 'watcher';
  event: RunEvent;
  result: Promise<RunResult | undefined>;
  status: Promise<TaskStatus | undefined>;
}

/**
 * Asks the service for the run's result and status from inside the run-finished listeners, in
 * the same tick (both queries answer a live run from the registry before their first await).
 */
function askAtEnd(service: CouncilService, runId: string): SeenAtEnd[] {
  const seen: SeenAtEnd[] = [];
  const ask = (via: SeenAtEnd['via']) => (event: RunEvent) => {
    if (event.runId !== runId || event.type !== 'run-finished') return;
    seen.push({ via, event, result: service.getResult(runId), status: service.getStatus(runId) });
  };
  service.subscribe(runId, ask('subscriber'));
  service.watchAllRuns(ask('watcher'));
  return seen;
}

async function assertFiledAtEnd(seen: SeenAtEnd[], state: TaskStatus['state']): Promise<void> {
  assert.deepEqual(
    seen.map((s) => s.via),
    ['subscriber', 'watcher'],
    'one run-finished to each listener',
  );
  for (const { via, event, result, status } of seen) {
    assert.ok(event.type === 'run-finished');
    const filed = await result;
    assert.ok(filed, `${via}: the result is filed when run-finished is heard`);
    assert.deepEqual(filed, event.result, `${via}: the filed result is the one broadcast`);
    assert.equal((await status)?.state, state, `${via}: the status is final`);
  }
}

describe('the event contract', function () {
  this.timeout(60_000);
  const suite = useVendorSuite();
  const keys: Record<string, string> = {
    openai: 'sk-test-openai',
    anthropic: 'sk-test-anthropic',
    google: 'test-google-key',
  };

  /** The real engine and adapters against the fake vendor's simulated council. */
  function council(participants: string[]) {
    return vendorCouncil(suite.vendor, {
      participants,
      folder: suite.folder,
      apiKey: (id) => keys[id],
      logger: memoryLogger(),
      maxRetries: 0,
    });
  }

  describe('a listener hearing run-finished reads the result already filed', () => {
    it('for a run that converges (the real engine)', async () => {
      const service = council(['openai:gpt-6.2-sol', 'anthropic:claude-sonnet-5-5']);
      const { runId } = await service.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text' },
        origin: 'cli',
      });
      const seen = askAtEnd(service, runId);
      await service.waitForResult(runId);
      await assertFiledAtEnd(seen, 'completed');
      service.dispose();
    });

    it('for a run the engine ends as failed (every participant down)', async () => {
      const service = council(['openai:gpt-down', 'anthropic:claude-down']);
      const { runId } = await service.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text' },
        origin: 'cli',
      });
      const seen = askAtEnd(service, runId);
      const result = (await service.waitForResult(runId)) as ConsensusResult;
      assert.equal(result.status, 'failed');
      await assertFiledAtEnd(seen, 'failed');
      service.dispose();
    });

    it('for a run whose engine throws, and one cancelled before it starts', async () => {
      const fake = (providerId: string, model: string) =>
        providerId === 'fake' ? new EchoLanguageModel(providerId, model) : undefined;
      const { service } = councilOver(suite.folder, fake, {
        engine: { runConsensus: () => Promise.reject(new Error('engine broke')) },
      });
      const thrown = await service.startConsensus({
        input: { task: 'Tidy up', outputKind: 'text' },
        origin: 'cli',
      });
      const seenThrown = askAtEnd(service, thrown.runId);
      await service.waitForResult(thrown.runId);
      await assertFiledAtEnd(seenThrown, 'failed');
      service.dispose();

      const cancelling = councilOver(suite.folder, fake, {
        engine: { runConsensus: fakeRunConsensus() },
      }).service;
      const cancelled = await cancelling.startConsensus({
        input: { task: 'Tidy up', outputKind: 'text' },
        origin: 'cli',
      });
      const seenCancelled = askAtEnd(cancelling, cancelled.runId);
      await cancelling.cancel(cancelled.runId);
      await cancelling.waitForResult(cancelled.runId);
      await assertFiledAtEnd(seenCancelled, 'cancelled');
      cancelling.dispose();
    });
  });

  it('a live run-started carries host {origin, pid, instance}, apart from the settings, as stored', async () => {
    const service = council(['openai:gpt-6.2-sol', 'anthropic:claude-sonnet-5-5']);
    const runs = [
      await service.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text' },
        origin: 'mcp',
      }),
      await service.startVote({
        input: { question: 'Is this safe?', strategy: 'majority' },
        origin: 'panel',
      }),
    ];
    const live = runs.map(({ runId }) => {
      const events: RunEvent[] = [];
      service.subscribe(runId, (event) => events.push(event));
      return events;
    });
    for (const { runId } of runs) await service.waitForResult(runId);
    const instances = new Set<string>();
    for (const [index, origin] of (['mcp', 'panel'] as const).entries()) {
      const started = live[index]![0] as RunStartedEvent;
      assert.equal(started.type, 'run-started', 'the first live event');
      const host = started.host;
      assert.ok(host, 'the live run-started has its host');
      assert.equal(host.origin, origin);
      assert.equal(host.pid, process.pid);
      assert.match(host.instance, /^[0-9a-f]{12}$/);
      instances.add(host.instance);
      assert.ok(started.settings, 'the engine settings are there too');
      for (const key of ['origin', 'hostPid', 'hostInstance'])
        assert.ok(!(key in started.settings), `settings carry no ${key}`);
      const [stored] = await service.readTranscript(runs[index]!.runId);
      assert.ok(stored?.type === 'run-started');
      assert.deepEqual(stored.host, host, 'the stored record names the same host');
    }
    assert.equal(instances.size, 1, 'one writer instance per service');
    service.dispose();
  });

  describe('a transcript written before the split still reads, with its origin', () => {
    const line = (record: object) => `${JSON.stringify(record)}\n`;
    /** run-started as written before `host`: the host facts inside `settings`. */
    function oldStart(runId: string, at: number, host: Record<string, unknown>) {
      return line({
        type: 'run-started',
        runId,
        at,
        seq: 0,
        protocol: 'consensus',
        participants: [
          { id: 'fake:alpha', displayName: 'alpha', provider: 'fake', model: 'alpha' },
        ],
        input: { task: `task of ${runId}`, outputKind: 'text' },
        settings: { maxRounds: 4, seed: 7, ...host },
      });
    }

    it('a failed run ending in run-failed; unfinished runs of a live and of a gone writer', async () => {
      const liveInstance = registerWriterInstance();
      try {
        writeFileSync(
          join(suite.folder, 'old-failed.jsonl'),
          oldStart('old-failed', 3_000, { origin: 'mcp', hostPid: 2 ** 30, hostInstance: 'gone' }) +
            line({
              type: 'phase-started',
              runId: 'old-failed',
              at: 3_001,
              seq: 1,
              phase: 'draft',
              round: 1,
            }) +
            line({
              type: 'run-failed',
              runId: 'old-failed',
              at: 3_002,
              seq: 2,
              error: { message: 'boom' },
            }),
        );
        writeFileSync(
          join(suite.folder, 'old-running.jsonl'),
          oldStart('old-running', 2_000, {
            origin: 'panel',
            hostPid: process.pid,
            hostInstance: liveInstance,
          }),
        );
        writeFileSync(
          join(suite.folder, 'old-cut.jsonl'),
          oldStart('old-cut', 1_000, { origin: 'cli', hostPid: 2 ** 30, hostInstance: 'gone' }),
        );
        const { service } = councilOver(suite.folder, () => undefined);
        const runs = await service.listRuns();
        assert.deepEqual(
          runs.map(({ runId, origin, state }) => ({ runId, origin, state })),
          [
            { runId: 'old-failed', origin: 'mcp', state: 'failed' },
            { runId: 'old-running', origin: 'panel', state: 'in_progress' },
            { runId: 'old-cut', origin: 'cli', state: 'interrupted' },
          ],
        );
        assert.equal(runs[0]?.outcome, 'failed');
        assert.equal(runs[0]?.finishedAt, 3_002);
        const records = await service.readTranscript('old-failed');
        assert.deepEqual(
          records.map((record) => record.type),
          ['run-started', 'phase-started', 'run-failed'],
        );
        const view = buildRunView(records);
        assert.equal(view?.status, 'failed', 'the panel reads it as failed');
        assert.equal(view?.maxRounds, 4, 'and takes its round cap from the old settings');
        assert.equal((await service.getStatus('old-failed'))?.state, 'failed');
        const result = (await service.getResult('old-failed')) as ConsensusResult;
        assert.equal(result.status, 'failed');
        assert.equal(result.error?.message, 'boom');
        assert.equal((await service.getStatus('old-running'))?.state, 'in_progress');
        assert.equal((await service.getStatus('old-cut'))?.state, 'failed');
        service.dispose();
      } finally {
        unregisterWriterInstance(liveInstance);
      }
    });
  });
});
