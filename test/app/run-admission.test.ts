/** Bounded work per process: run slots, the queue, the session spend cap, vendor calls in flight. */
import { strict as assert } from 'node:assert';
import { RunAdmission, runLimitsFromEnvironment } from '../../src/app/run-admission';
import { limitModelCalls, modelCallLimit } from '../../src/app/limit-model-calls';
import type { LanguageModel, ModelResponse } from '../../src/core/language-model';
import { ZERO_USAGE } from '../../src/core/language-model';

describe('RunAdmission', () => {
  it('gives out at most the configured slots; the next wait (queued) and the rest are refused', async () => {
    const admission = new RunAdmission({ maxConcurrentRuns: 2, maxQueuedRuns: 1 });
    const never = new AbortController().signal;
    const queued: number[] = [];
    admission.admit();
    admission.admit();
    admission.admit();
    assert.throws(() => admission.admit(), /Not started: 2 runs are running and 1 are queued/);
    const first = await admission.slot(never, (ahead) => queued.push(ahead));
    await admission.slot(never, (ahead) => queued.push(ahead));
    let third: (() => void) | undefined;
    const waiting = admission
      .slot(never, (ahead) => queued.push(ahead))
      .then((release) => {
        third = release;
      });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(third, undefined, 'the third waits for a slot');
    assert.deepEqual(queued, [0]);
    first();
    await waiting;
    assert.ok(third);
    admission.admit(); // a place was freed
  });

  it('a run cancelled while queued leaves at once and holds no slot', async () => {
    const admission = new RunAdmission({ maxConcurrentRuns: 1, maxQueuedRuns: 1 });
    const never = new AbortController().signal;
    admission.admit();
    admission.admit();
    assert.throws(() => admission.admit(), /1 are queued/);
    await admission.slot(never, () => {});
    const cancel = new AbortController();
    const released = admission.slot(cancel.signal, () => {});
    cancel.abort();
    (await released)();
    admission.admit(); // the cancelled run's place is free again
  });

  it('refuses a run once the session has spent its cap, and says how to raise it', () => {
    const admission = new RunAdmission({
      maxConcurrentRuns: 4,
      maxQueuedRuns: 10,
      sessionSpendCapUsd: 1,
    });
    assert.equal(admission.remainingUsd(), 1);
    admission.record(0.4);
    assert.equal(admission.remainingUsd(), 0.6);
    admission.admit();
    admission.record(0.7);
    assert.throws(
      () => admission.admit(),
      (error: Error & { hint?: string }) =>
        /session spend cap of \$1\.00/.test(error.message) &&
        /MLO_SESSION_SPEND_CAP_USD/.test(error.hint ?? ''),
    );
  });

  it('reads its limits from the environment, ignoring nonsense', () => {
    assert.deepEqual(
      runLimitsFromEnvironment({
        MLO_MAX_CONCURRENT_RUNS: '3',
        MLO_MAX_QUEUED_RUNS: 'lots',
        MLO_SESSION_SPEND_CAP_USD: '2.5',
        MLO_MAX_CONCURRENT_MODEL_CALLS: '8',
      }),
      {
        maxConcurrentModelCalls: 8,
        maxConcurrentRuns: 3,
        maxQueuedRuns: 100,
        sessionSpendCapUsd: 2.5,
      },
    );
  });
});

describe('limitModelCalls', () => {
  it('keeps at most the configured vendor calls in flight across models', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: LanguageModel = {
      provider: 'openai',
      modelId: 'm',
      generate: async (): Promise<ModelResponse> => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return { text: 'ok', usage: ZERO_USAGE, finishReason: 'stop', modelId: 'm' };
      },
    };
    const limit = modelCallLimit(3);
    const models = [limitModelCalls(slow, limit), limitModelCalls(slow, limit)];
    const request = { system: 's', messages: [], signal: new AbortController().signal };
    await Promise.all(Array.from({ length: 20 }, (_, i) => models[i % 2]!.generate(request)));
    assert.equal(most, 3);
  });
});
