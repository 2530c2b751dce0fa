import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { Participant } from '../../src/core/participant';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import {
  MemoryTranscript,
  createScriptedCouncil,
  DISAGREEING_PLAN,
  distinctText,
  type CouncilPlan,
} from '../support/scripted-council';

/** Two rounds that do not converge (round cap 2), then the final phase and ratification. */
const twoRounds: CouncilPlan = DISAGREEING_PLAN;

/** The same model, answering `delayMs` later: one participant three times slower. */
function slowed(participant: Participant, delayMs: number): Participant {
  const inner = participant.languageModel;
  return {
    ...participant,
    languageModel: {
      provider: inner.provider,
      modelId: inner.modelId,
      generate: async (request) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return inner.generate(request);
      },
    },
  };
}

async function run(mode: 'dataflow' | 'barrier') {
  const council = createScriptedCouncil(twoRounds);
  const participants = council.participants.map((p, i) => slowed(p, i === 2 ? 150 : 10));
  const transcript = new MemoryTranscript();
  const result = await runConsensus(
    { task: 'Fix the loop', outputKind: 'text', seed: 5, maxRounds: 2, scheduling: { mode } },
    { participants, transcript },
  );
  return { result, records: transcript.records() };
}

function proposalsOf(records: TranscriptRecord[], phase: 'draft' | 'merge', round: number) {
  return records.flatMap((r) =>
    r.type === 'proposal' && r.proposal.phase === phase && r.proposal.round === round
      ? [r.proposal]
      : [],
  );
}

describe('runConsensus: dataflow scheduling', () => {
  for (const mode of ['dataflow', 'barrier'] as const) {
    it(`${mode}: nobody reviews its own text; every reviewer sees every other current proposal once`, async () => {
      const { result, records } = await run(mode);
      assert.equal(result.status, 'provisional');
      assert.equal(result.stopReason, 'round-cap');
      const reports = records.flatMap((r) => (r.type === 'review-done' ? [r.report] : []));
      assert.equal(reports.length, 9, 'three review rounds of three reviewers');
      for (const report of reports) {
        const current =
          report.round === 1
            ? proposalsOf(records, 'draft', 1)
            : proposalsOf(records, 'merge', report.round - 1);
        const others = current
          .map((proposal) => proposal.participantId)
          .filter((id) => id !== report.reviewerId)
          .sort();
        const seen = Object.values(report.labelMap).sort();
        assert.deepEqual(seen, others, `reviewer ${report.reviewerId}, round ${report.round}`);
        assert.ok(report.reviews.every((review) => review.authorId !== report.reviewerId));
        const call = records.find(
          (r) =>
            r.type === 'call-started' &&
            r.phase === 'review' &&
            r.round === report.round &&
            r.participantId === report.reviewerId,
        );
        assert.ok(call && call.type === 'call-started');
        const prompt = call.messages.map((message) => message.content).join('\n');
        for (const proposal of current) {
          // Untrusted text travels as a JSON string value in the prompt (docs/PROTOCOL.md).
          const embedded = JSON.stringify(proposal.product).slice(1, -1);
          const count = prompt.split(embedded).length - 1;
          assert.equal(count, proposal.participantId === report.reviewerId ? 0 : 1);
        }
      }
    });
  }

  it("starts the slow member's review before its own draft is back (barrier mode waits)", async () => {
    const seqOf = (records: TranscriptRecord[], type: string, phase: string) =>
      records.find(
        (r) =>
          r.type === type &&
          'phase' in r &&
          r.phase === phase &&
          'participantId' in r &&
          r.participantId === 'p3',
      )!.seq;
    const dataflow = (await run('dataflow')).records;
    assert.ok(
      seqOf(dataflow, 'call-started', 'review') < seqOf(dataflow, 'call-finished', 'draft'),
    );
    const barrier = (await run('barrier')).records;
    assert.ok(seqOf(barrier, 'call-started', 'review') > seqOf(barrier, 'call-finished', 'draft'));
  });

  it('skips the final phase when the converged merges are identical, and says so', async () => {
    const council = createScriptedCouncil({
      product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed text'),
      score: (_r, round) => (round === 1 ? 6 : 9),
      improvementRoom: (_r, round) => (round === 1 ? 'major' : 'none'),
    });
    const transcript = new MemoryTranscript();
    const result = await runConsensus(
      { task: 'Write it', outputKind: 'text', seed: 2 },
      { participants: council.participants, transcript },
    );
    assert.equal(result.status, 'unanimous');
    assert.equal(result.finalSkipped, true);
    assert.equal(result.product, 'agreed text');
    const records = transcript.records();
    assert.ok(records.some((r) => r.type === 'final-skipped'));
    assert.ok(!records.some((r) => r.type === 'call-started' && r.phase === 'final'));
    assert.equal(records.filter((r) => r.type === 'ratified').length, 3);
  });

  it('a straggler past the deadline abstains from that phase only and is asked again', async () => {
    const council = createScriptedCouncil(twoRounds);
    const participants = council.participants.map((p, i) => slowed(p, i === 2 ? 400 : 5));
    const transcript = new MemoryTranscript();
    const result = await runConsensus(
      {
        task: 'Fix the loop',
        outputKind: 'text',
        seed: 5,
        maxRounds: 2,
        scheduling: { stragglerFactor: 2 },
      },
      { participants, transcript },
    );
    const stragglers = result.abstentions.filter((a) => a.participantId === 'p3');
    assert.ok(stragglers.length >= 2, JSON.stringify(result.abstentions));
    assert.ok(stragglers.every((a) => a.straggler === true && !a.droppedOut));
    assert.match(stragglers[0]!.error.message, /straggler deadline/);
    const records = transcript.records();
    const phasesAsked = new Set(
      records.flatMap((r) =>
        r.type === 'call-started' && r.participantId === 'p3' ? [r.phase] : [],
      ),
    );
    assert.ok(phasesAsked.has('draft') && phasesAsked.has('review') && phasesAsked.has('ratify'));
    assert.ok(records.some((r) => r.type === 'call-not-needed' && r.reason === 'straggler'));
  });

  it('finish early: stops with the best so far, provisional, scores and reasons kept', async () => {
    const council = createScriptedCouncil({ ...twoRounds, latencyMs: 5 });
    const transcript = new MemoryTranscript();
    const stop = new AbortController();
    const result = await runConsensus(
      { task: 'Fix the loop', outputKind: 'text', seed: 5, maxRounds: 4 },
      {
        participants: council.participants,
        transcript,
        finishEarly: stop.signal,
        onEvent: (event) => {
          // Mid-merge of round 2: the merges in flight are not waited for.
          if (event.type === 'token-delta' && event.phase === 'merge' && event.round === 2)
            stop.abort();
        },
      },
    );
    assert.equal(result.status, 'provisional');
    assert.equal(result.stopReason, 'stopped');
    assert.ok(result.product && result.product.length > 0);
    assert.equal(result.signals.length, 1);
    assert.ok(result.rationale !== undefined);
    const records = transcript.records();
    assert.equal(records.at(-1)?.type, 'run-finished');
    assert.ok(records.some((r) => r.type === 'call-not-needed' && r.reason === 'stopped'));
  });
});
