import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { Phase } from '../../src/core/consensus-types';
import {
  MemoryTranscript,
  SCHEMA_OF_PHASE,
  createScriptedCouncil,
  distinctText,
} from '../support/scripted-council';

describe('runConsensus: cancellation (acceptance #6)', () => {
  for (const phase of ['draft', 'review', 'merge', 'final', 'ratify'] as Phase[]) {
    it(`cancel during the ${phase} phase: status cancelled, calls in flight aborted, transcript parseable`, async () => {
      // The calls of the phase never answer on their own: only the abort can end them.
      const council = createScriptedCouncil({
        product: (index, p) => (p === 'draft' ? distinctText(index) : 'agreed'),
        score: (_r, round) => (round === 1 ? 6 : 9),
        improvementRoom: (_r, round) => (round === 1 ? 'major' : 'none'),
        override: (_index, call) =>
          call.schemaName === SCHEMA_OF_PHASE[phase] ? { hang: true } : undefined,
      });
      const transcript = new MemoryTranscript();
      const controller = new AbortController();
      let cancelledAt = 0;
      const result = await runConsensus(
        // The final phase would be skipped (identical merges): run it so it can be cancelled.
        { task: 'Write it', outputKind: 'text', seed: 1, scheduling: { alwaysRunFinal: true } },
        {
          participants: council.participants,
          transcript,
          signal: controller.signal,
          onEvent: (event) => {
            if (event.type === 'call-started' && event.phase === phase && cancelledAt === 0) {
              cancelledAt = Date.now();
              setTimeout(() => controller.abort(), 20);
            }
          },
        },
      );
      const elapsed = Date.now() - cancelledAt - 20;
      console.log(`      (cancel → result in ${elapsed} ms)`);
      assert.equal(result.status, 'cancelled');
      assert.equal(result.stopReason, 'cancelled');
      const inFlight = council.models.flatMap((model) =>
        model.calls.filter((call) => call.schemaName === SCHEMA_OF_PHASE[phase]),
      );
      assert.ok(inFlight.length > 0);
      for (const call of inFlight) {
        assert.equal(call.request.signal.aborted, true);
        assert.equal(call.outcome, 'aborted');
      }
      // Handlers of the aborted calls settle after the result: they must add nothing.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const line of transcript.lines) JSON.parse(line);
      const records = transcript.records();
      assert.equal(records.at(-1)!.type, 'run-finished', 'the end record is the last');
    });
  }

  it('an already-aborted signal cancels before any call', async () => {
    const council = createScriptedCouncil({ product: () => 'x' });
    const controller = new AbortController();
    controller.abort();
    const result = await runConsensus(
      { task: 'Write it', outputKind: 'text' },
      { participants: council.participants, signal: controller.signal },
    );
    assert.equal(result.status, 'cancelled');
    assert.equal(council.models.flatMap((model) => model.calls).length, 0);
  });
});
