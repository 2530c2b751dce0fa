import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { CallStartedEvent, RunEvent } from '../../src/core/run-events';
import type { Phase } from '../../src/core/consensus-types';
import type { createScriptedCouncil } from '../support/scripted-council';
import {
  COUNCILS,
  MemoryTranscript,
  SCHEMA_OF_PHASE,
  distinctText,
  type CouncilPlan,
} from '../support/scripted-council';
import { failure, type ScriptedCall, type ScriptedReply } from '../support/scripted-language-model';

/** Converges at the first check (round 1's merges agree). */
function plan(override?: CouncilPlan['override']): CouncilPlan {
  return {
    product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed\nproduct'),
    score: (_reviewer, round) => (round === 1 ? 6 : 9),
    critique: (reviewer, round) => (round === 1 ? [distinctText(reviewer, 1)] : []),
    improvementRoom: (_reviewer, round) => (round === 1 ? 'major' : 'none'),
    ...(override ? { override } : {}),
  };
}

type CreateCouncil = (plan: CouncilPlan) => ReturnType<typeof createScriptedCouncil>;

async function run(create: CreateCouncil, override: CouncilPlan['override']) {
  const council = create(plan(override));
  const transcript = new MemoryTranscript();
  const events: RunEvent[] = [];
  const result = await runConsensus(
    // Every phase is exercised, the final one too (it would be skipped for identical merges).
    {
      task: 'Write it',
      outputKind: 'text',
      seed: 7,
      maxRounds: 3,
      scheduling: { alwaysRunFinal: true },
    },
    { participants: council.participants, transcript, onEvent: (event) => events.push(event) },
  );
  return { result, transcript, events, council };
}

for (const variant of COUNCILS) {
  describe(`runConsensus: quorum and abstention (acceptance #4), against ${variant.name}`, () => {
    for (const phase of ['draft', 'review', 'merge', 'final', 'ratify'] as Phase[]) {
      it(`one participant failing in the ${phase} phase: the others finish and the result names who abstained and why`, async () => {
        const { result, transcript } = await run(variant.create, (index, call) =>
          index === 2 && call.schemaName === SCHEMA_OF_PHASE[phase]
            ? failure('server', 'HTTP 500 from the vendor')
            : undefined,
        );
        assert.ok(['unanimous', 'majority'].includes(result.status), result.status);
        assert.ok(result.product && result.product.length > 0);
        assert.ok(result.abstentions.length >= 1);
        for (const abstention of result.abstentions) {
          assert.equal(abstention.participantId, 'p3');
          assert.equal(abstention.phase, phase);
          assert.equal(abstention.error.kind, 'server');
          assert.match(abstention.error.message, /HTTP 500/);
        }
        assert.ok(transcript.records().some((record) => record.type === 'abstained'));
        if (phase === 'ratify') {
          assert.equal(result.status, 'majority'); // an abstainer is not agreement
          assert.ok(result.ratifications.every((entry) => entry.participantId !== 'p3'));
        }
      });
    }

    it('two of three failing: a clear failure naming both, with the transcript kept', async () => {
      const { result, transcript } = await run(variant.create, (index) =>
        index > 0 ? failure('auth', 'Invalid API key') : undefined,
      );
      assert.equal(result.status, 'failed');
      assert.equal(result.stopReason, 'no-quorum');
      assert.match(result.error!.message, /at least 2/);
      assert.match(result.error!.message, /Claude Test/);
      assert.match(result.error!.message, /Gemini Test/);
      const records = transcript.records();
      // One end event, whose result carries the failure (docs/ARCHITECTURE.md "The event flow").
      assert.ok(!records.some((record) => record.type === 'run-failed'));
      const end = records.at(-1)!;
      assert.ok(end.type === 'run-finished' && 'status' in end.result);
      assert.equal(end.result.status, 'failed');
      assert.match(end.result.error!.message, /Claude Test/);
      assert.ok(records.filter((record) => record.type === 'call-started').length >= 3);
    });

    it('two of three failing later (merge): failed, not a silent result', async () => {
      const { result } = await run(variant.create, (index, call) =>
        index > 0 && call.schemaName === 'merge' ? failure('overloaded') : undefined,
      );
      assert.equal(result.status, 'failed');
      assert.match(result.error!.message, /merge/);
    });
  });

  describe(`runConsensus: malformed structured output (acceptance #5), against ${variant.name}`, () => {
    it('asks exactly once more with the validation error, and uses a repaired answer', async () => {
      const { result, council, events } = await run(variant.create, (index, call) =>
        index === 1 && call.schemaName === 'draft' && call.attempt === 0
          ? { text: 'Sure! Here is my draft: product = 42' }
          : undefined,
      );
      const drafts = council.models[1]!.calls.filter((call) => call.schemaName === 'draft');
      assert.equal(drafts.length, 2);
      const repair = events.find(
        (event): event is CallStartedEvent =>
          event.type === 'call-started' && event.participantId === 'p2' && event.attempt === 1,
      );
      assert.ok(repair);
      assert.match(repair.messages.at(-1)!.content, /not valid JSON/);
      assert.equal(result.abstentions.length, 0);
      assert.equal(result.status, 'unanimous');
    });

    it('abstains after a second malformed review: no score of it counts', async () => {
      const badReview = (index: number, call: ScriptedCall): ScriptedReply | undefined =>
        index === 0 && call.schemaName === 'review'
          ? { json: { reviews: [{ label: 'Proposal A', score: 11 }], improvementRoom: 'none' } }
          : undefined;
      const { result, council, events } = await run(variant.create, badReview);
      const reviewCalls = council.models[0]!.calls.filter((call) => call.schemaName === 'review');
      assert.deepEqual(
        reviewCalls.map((call) => call.attempt),
        [0, 1, 0, 1],
      );
      const repairs = events.filter(
        (event): event is CallStartedEvent =>
          event.type === 'call-started' && event.participantId === 'p1' && event.attempt === 1,
      );
      for (const repair of repairs)
        assert.match(repair.messages.at(-1)!.content, /does not match the required schema/);
      assert.ok(result.abstentions.every((entry) => entry.error.kind === 'bad-output'));
      assert.deepEqual(
        result.abstentions.map((entry) => [entry.participantId, entry.phase]),
        [
          ['p1', 'review'],
          ['p1', 'review'],
        ],
      );
      for (const event of events)
        if (event.type === 'review-done') assert.notEqual(event.report.reviewerId, 'p1');
      for (const signals of result.signals) assert.ok(!('p1' in signals.improvementRoom));
    });

    it('a malformed ratification twice is an abstention, never an approval', async () => {
      const { result } = await run(variant.create, (index, call) =>
        index === 2 && call.schemaName === 'ratification' ? { text: '{"vote":"yes"}' } : undefined,
      );
      assert.deepEqual(result.ratifications.map((entry) => entry.participantId).sort(), [
        'p1',
        'p2',
      ]);
      assert.equal(result.status, 'majority');
      assert.deepEqual(
        result.abstentions.map((entry) => [entry.participantId, entry.phase, entry.error.kind]),
        [['p3', 'ratify', 'bad-output']],
      );
    });
  });

  describe(`runConsensus: a participant that keeps failing sits out the rest of the run, against ${variant.name}`, () => {
    const phasesCalled = (events: RunEvent[], participantId: string) => [
      ...new Set(
        events
          .filter((event): event is CallStartedEvent => event.type === 'call-started')
          .filter((event) => event.participantId === participantId)
          .map((event) => event.phase),
      ),
    ];

    it('after abstaining in two phases in a row it is no longer called; the result still names it', async () => {
      const { result, events } = await run(variant.create, (index) =>
        index === 2 ? failure('server', 'HTTP 500 from the vendor') : undefined,
      );
      assert.deepEqual(phasesCalled(events, 'p3'), ['draft', 'review']);
      assert.equal(result.status, 'majority');
      assert.equal(result.abstentions.length, 2);
      assert.equal(result.abstentions.at(-1)!.droppedOut, true);
    });

    it('a rejected key takes it out at once (retrying cannot help)', async () => {
      const { result, events } = await run(variant.create, (index) =>
        index === 2 ? failure('auth', 'Invalid API key') : undefined,
      );
      assert.deepEqual(phasesCalled(events, 'p3'), ['draft']);
      assert.equal(result.status, 'majority');
      assert.deepEqual(
        result.abstentions.map((abstention) => [abstention.phase, abstention.droppedOut]),
        [['draft', true]],
      );
    });
  });
}
