/** The host's run state over a fake `vscode`: what survives a window reload, and context keys. */
import assert from 'node:assert/strict';
import { installFakeVscode, state } from './support/fake-vscode';
import { FakeCouncil } from './support/fake-council';
import type * as RunTrackerModule from '../../src/extension/run/run-tracker';
import type { SelectionTarget } from '../../src/extension/run/selection-target';
import type { ConsensusResult } from '../../src/core/consensus-types';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the fake vscode is installed
const { RunTracker } = require('../../src/extension/run/run-tracker') as typeof RunTrackerModule;

function memento() {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
}

const target: SelectionTarget = {
  uri: 'file:///ws/a.ts',
  version: 3,
  startOffset: 10,
  text: 'return a + b;',
  languageId: 'typescript',
  path: 'a.ts',
  label: 'a.ts:2',
};

/** A failed run's result as the run-finished event carries it: no product, an error. */
function failed(message: string): ConsensusResult {
  return { status: 'failed', error: { message } } as ConsensusResult;
}

describe('RunTracker', () => {
  it('remembers what a code run replaces and whether it was applied across a reload', () => {
    const storage = memento();
    const before = new RunTracker(new FakeCouncil().asService(), storage as never);
    before.registerTarget('run-1', target);
    before.setApplyState('run-1', 'applied');
    before.registerTarget('run-2', target);
    before.dispose();

    const after = new RunTracker(new FakeCouncil().asService(), storage as never);
    assert.deepEqual(after.targetOf('run-1'), target);
    assert.equal(after.applyStateOf('run-1'), 'applied');
    assert.equal(after.applyStateOf('run-2'), 'pending');
    assert.equal(after.applyStateOf('run-unknown'), 'not-applicable');
  });

  it('ignores corrupted stored state instead of trusting it', () => {
    const storage = memento();
    void storage.update('multiLlm.selectionTargets', [['run-x', { uri: 1 }], 'junk']);
    const tracker = new RunTracker(new FakeCouncil().asService(), storage as never);
    assert.equal(tracker.targetOf('run-x'), undefined);
  });

  it('follows the newest run and sets multiLlm.running while one is in flight', () => {
    const council = new FakeCouncil();
    const tracker = new RunTracker(council.asService());
    state.executed.length = 0;
    council.emit({
      type: 'run-started',
      runId: 'r9',
      at: 1,
      protocol: 'consensus',
      participants: [],
      input: { task: 't', outputKind: 'text' },
    });
    assert.equal(tracker.activeRunId, 'r9');
    const running = () =>
      state.executed.filter((c) => c.command === 'setContext' && c.args[0] === 'multiLlm.running');
    assert.equal(running().at(-1)?.args[1], true);
    council.emit({
      type: 'run-finished',
      runId: 'r9',
      at: 2,
      protocol: 'consensus',
      result: failed('x'),
    });
    assert.equal(running().at(-1)?.args[1], false);
    assert.equal(tracker.runningRuns.size, 0);
  });

  it('refreshes the history at the end event, whose result the service filed before', async () => {
    const council = new FakeCouncil();
    const tracker = new RunTracker(council.asService());
    let changes = 0;
    tracker.onStateChange(() => (changes += 1));
    council.emit({
      type: 'run-finished',
      runId: 'r1',
      at: 2,
      protocol: 'consensus',
      result: failed('x'),
    });
    assert.equal(changes, 1, 'one refresh, at the end event itself');
    council.settle('r1');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(changes, 1, 'nothing waits for the result any more');
  });

  it('offers Apply (multiLlm.hasResult) only for a finished code run with a product', () => {
    const council = new FakeCouncil();
    const tracker = new RunTracker(council.asService());
    const hasResult = () =>
      state.executed
        .filter((c) => c.command === 'setContext' && c.args[0] === 'multiLlm.hasResult')
        .at(-1)?.args[1];
    const start = (runId: string) =>
      council.emit({
        type: 'run-started',
        runId,
        at: 1,
        protocol: 'consensus',
        participants: [],
        input: { task: 't', outputKind: 'code' },
      });
    tracker.registerTarget('ok', target);
    start('ok');
    assert.equal(hasResult(), false, 'not while running');
    council.emit({
      type: 'run-finished',
      runId: 'ok',
      at: 2,
      protocol: 'consensus',
      result: { product: 'x' } as never,
    });
    assert.equal(hasResult(), true);
    tracker.setApplyState('ok', 'discarded');
    assert.equal(hasResult(), false, 'not after Discard');

    tracker.registerTarget('broken', target);
    start('broken');
    council.emit({
      type: 'run-finished',
      runId: 'broken',
      at: 3,
      protocol: 'consensus',
      result: failed('no quorum'),
    });
    assert.equal(hasResult(), false, 'not for a failed run');
  });
});
