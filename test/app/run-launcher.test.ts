import { strict as assert } from 'node:assert';
import { ConfigurationError } from '../../src/app/configuration-error';
import { ParticipantHealth } from '../../src/app/participant-health';
import { RunLauncher } from '../../src/app/run-launcher';
import { RunRegistry } from '../../src/app/run-registry';
import type { ConsensusInput, ConsensusResult } from '../../src/core/consensus-types';
import type { EngineDependencies } from '../../src/core/engine-dependencies';
import type { Participant } from '../../src/core/participant';
import type { RunEvent } from '../../src/core/run-events';
import { noCost } from '../../src/core/host-services';
import { EchoLanguageModel } from './support/echo-language-model';
import { fakeRunConsensus } from './support/fake-engine';
import { memoryLogger } from './support/council-fixture';
import { MemoryTranscriptStore } from './support/memory-transcript-store';

const participants: Participant[] = ['alpha', 'beta'].map((model) => ({
  id: `fake:${model}`,
  provider: 'fake',
  model,
  displayName: model,
  languageModel: new EchoLanguageModel('fake', model),
}));

function launcherOver(now = Date.UTC(2026, 11, 1, 21, 0, 0)) {
  const logger = memoryLogger();
  const registry = new RunRegistry(logger);
  const store = new MemoryTranscriptStore();
  const launcher = new RunLauncher({
    registry,
    store,
    logger,
    clock: { now: () => now },
    health: new ParticipantHealth(),
    instance: 'test-instance',
    isDisposed: () => false,
  });
  return { launcher, registry, store, logger };
}

type Execute = (input: ConsensusInput, deps: EngineDependencies) => Promise<ConsensusResult>;

function request(execute: Execute, requestedRunId?: string) {
  return {
    protocol: 'consensus' as const,
    origin: 'cli' as const,
    requestedRunId,
    input: { task: 'Tidy up', outputKind: 'text' as const },
    participants,
    cost: noCost,
    execute,
  };
}

describe('run launcher', () => {
  it('names a run from the injected clock unless the caller chose a usable, unused id', () => {
    const { launcher, registry } = launcherOver();
    assert.match(launcher.claimRunId(undefined), /^run-20261201T210000Z-[0-9a-f]{8}$/);
    assert.equal(launcher.claimRunId('mine-1'), 'mine-1');
    assert.throws(() => launcher.claimRunId('../etc'), ConfigurationError);
    registry.create({
      runId: 'taken',
      protocol: 'consensus',
      origin: 'cli',
      title: 't',
      participants: [],
      startedAt: 0,
    });
    assert.throws(() => launcher.claimRunId('taken'), /already exists/);
  });

  it('runs the engine in the background and stamps run-started with the host facts', async () => {
    const { launcher, registry, store } = launcherOver();
    const { runId } = launcher.launch(request((input, deps) => fakeRunConsensus()(input, deps)));
    const seen: RunEvent[] = [];
    registry.subscribe(runId, (event) => seen.push(event));
    const result = (await registry.get(runId)!.done) as ConsensusResult;
    assert.equal(result.status, 'unanimous');
    const [started] = await store.read(runId);
    assert.ok(started?.type === 'run-started');
    assert.equal(started.host?.origin, 'cli');
    assert.equal(started.host?.instance, 'test-instance');
    assert.equal(started.host?.pid, process.pid);
    assert.equal(seen[0]?.type, 'run-started', 'a subscriber right after launch misses nothing');
    assert.equal(registry.status(registry.get(runId)!).state, 'completed');
  });

  it('ends a run whose engine throws with one run-finished carrying the failed result', async () => {
    const { launcher, registry, store, logger } = launcherOver();
    const { runId } = launcher.launch(request(() => Promise.reject(new Error('engine broke'))));
    const result = (await registry.get(runId)!.done) as ConsensusResult;
    assert.equal(result.status, 'failed');
    assert.deepEqual(
      (await store.read(runId)).map((record) => record.type),
      ['run-started', 'run-finished'],
    );
    const [, end] = await store.read(runId);
    assert.ok(end?.type === 'run-finished' && 'status' in end.result);
    assert.equal(end.result.status, 'failed');
    assert.match(end.result.error!.message, /engine broke/);
    assert.equal(registry.status(registry.get(runId)!).state, 'failed');
    assert.ok(logger.lines.some((line) => line.includes('engine broke')));
  });

  it('does not start the engine for a run cancelled before its first tick', async () => {
    const { launcher, registry, store } = launcherOver();
    let calls = 0;
    const { runId } = launcher.launch(
      request(() => {
        calls += 1;
        return Promise.reject(new Error('must not run'));
      }),
    );
    registry.get(runId)!.controller.abort();
    const result = (await registry.get(runId)!.done) as ConsensusResult;
    assert.equal(calls, 0);
    assert.equal(result.status, 'cancelled');
    const records = await store.read(runId);
    assert.deepEqual(
      records.map((record) => record.type),
      ['run-started', 'run-finished'],
    );
    assert.equal((records[1] as { cancelled?: boolean }).cancelled, true);
  });
});
