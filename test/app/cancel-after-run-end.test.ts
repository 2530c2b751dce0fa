/**
 * A cancel (or a stop with the best so far) that arrives after the engine has ended the run but
 * before its result is filed: the run-finished is held while the transcript catches up
 * (src/app/run-registry.ts `emit`), and in that gap there is nothing left to cancel. The cancel
 * says so (false) and leaves the status, the broadcast end and the result as the run made them.
 */
import { strict as assert } from 'node:assert';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent, RunFinishedEvent } from '../../src/core/run-events';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { VoteResult } from '../../src/core/vote-types';
import type { DisposableCouncilService } from '../../src/app/create-council-service';
import { EchoLanguageModel } from './support/echo-language-model';
import { createGate, fakeRunConsensus, fakeRunVote, type Gate } from './support/fake-engine';
import { councilOver, tempFolder } from './support/council-fixture';
import { MemoryTranscriptStore } from './support/memory-transcript-store';
import { connectInMemory } from '../mcp/support/connect-in-memory';

/** Holds the append of each run-finished record until `release` opens; `reached` says it came. */
class HeldEndStore extends MemoryTranscriptStore {
  readonly reached = createGate();
  readonly release: Gate = createGate();

  override async append(runId: string, record: TranscriptRecord): Promise<void> {
    if (record.type === 'run-finished') {
      this.reached.open();
      await this.release.promise;
    }
    return super.append(runId, record);
  }
}

const fakeModels = (providerId: string, model: string) =>
  providerId === 'fake' ? new EchoLanguageModel(providerId, model) : undefined;

describe('council service: a cancel between the run’s end and its filed result', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: HeldEndStore;
  let service: DisposableCouncilService;

  beforeEach(() => {
    folder = tempFolder();
    store = new HeldEndStore();
    ({ service } = councilOver(folder.path, fakeModels, {
      transcripts: store,
      engine: { runConsensus: fakeRunConsensus(), runVote: fakeRunVote() },
    }));
  });
  afterEach(() => {
    store.release.open();
    service.dispose();
    folder.remove();
  });

  /** The run's own events as a subscriber hears them. */
  function heard(runId: string): RunEvent[] {
    const events: RunEvent[] = [];
    service.subscribe(runId, (event) => events.push(event));
    return events;
  }

  it('a consensus run: cancel and finishEarly say false; status, end event and result stay the run’s', async () => {
    const { runId } = await service.startConsensus({
      input: { task: 'Add a docstring', outputKind: 'text' },
      origin: 'mcp',
    });
    const events = heard(runId);
    await store.reached.promise;
    assert.equal(await service.cancel(runId), false, 'the run has ended: nothing to cancel');
    assert.equal(await service.finishEarly(runId), false);
    assert.notEqual((await service.getStatus(runId))?.state, 'cancelled');
    store.release.open();
    const result = (await service.waitForResult(runId)) as ConsensusResult;
    assert.equal(result.status, 'unanimous');
    assert.equal((await service.getStatus(runId))?.state, 'completed');
    const end = events.at(-1) as RunFinishedEvent;
    assert.equal(end.type, 'run-finished');
    assert.equal(end.cancelled, undefined, 'the broadcast end is not marked cancelled');
    assert.equal((await service.listRuns()).find((run) => run.runId === runId)?.state, 'completed');
  });

  it('a vote: cancel says false and the finished vote stays completed, not cancelled', async () => {
    const { runId } = await service.startVote({
      input: { question: 'Tabs or spaces?', strategy: 'majority' },
      origin: 'mcp',
    });
    const events = heard(runId);
    await store.reached.promise;
    assert.equal(await service.cancel(runId), false);
    assert.notEqual((await service.getStatus(runId))?.state, 'cancelled');
    store.release.open();
    const result = (await service.waitForResult(runId)) as VoteResult;
    assert.equal(result.reached, true);
    assert.equal((await service.getStatus(runId))?.state, 'completed');
    assert.equal((events.at(-1) as RunFinishedEvent).cancelled, undefined);
  });

  it('cancel_task in that moment says the run had ended, with its final state (not in_progress)', async () => {
    const { runId } = await service.startConsensus({
      input: { task: 'Add a docstring', outputKind: 'text' },
      origin: 'mcp',
    });
    await store.reached.promise;
    const { client, close } = await connectInMemory(service);
    try {
      const answer = client.callTool({ name: 'cancel_task', arguments: { taskId: runId } });
      // The result is filed a moment after the cancel arrived.
      setTimeout(() => store.release.open(), 50);
      const result = (await answer) as {
        content: { type: string; text: string }[];
        structuredContent: { cancelled: boolean; state: string };
      };
      assert.deepEqual(result.structuredContent, {
        taskId: runId,
        cancelled: false,
        state: 'completed',
      });
      assert.match(result.content[0]!.text, /was not running \(completed\); nothing was stopped/);
    } finally {
      await close();
    }
  });
});
