import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent, CallStartedEvent } from '../../src/core/run-events';
import type { ConsensusResult } from '../../src/core/consensus-types';
import {
  COUNCILS,
  COUNCIL_IDENTITIES,
  MemoryTranscript,
  createScriptedCouncil,
  distinctText,
  type CouncilPlan,
} from '../support/scripted-council';
import { inputDocumentOf } from '../support/scripted-language-model';

const AGREED = 'line one\nline two\nline three\nline four';

/** Drafts and round-1 merges differ; round-2 merges agree and round 3's reviews say so. */
const convergesInRound2: CouncilPlan = {
  latencyMs: 5,
  product: (index, phase, round) => {
    if (phase === 'draft') return distinctText(index);
    if (phase === 'merge') return round === 1 ? distinctText(3 + index) : AGREED;
    // Finals each change a different line: the majority-hunk combine is nobody's own final.
    const lines = AGREED.split('\n');
    lines[index + 1] = `${lines[index + 1]} (final edit by member ${index})`;
    return lines.join('\n');
  },
  score: (reviewer, round) => (round >= 3 ? 9 : 5 + reviewer),
  critique: (reviewer, round) =>
    round >= 3 ? [] : [`${distinctText(6 + round, 1)} concern of reviewer ${reviewer}`],
  improvementRoom: (_reviewer, round) => (round === 1 ? 'major' : round === 2 ? 'minor' : 'none'),
};

async function run(
  plan: CouncilPlan,
  extra: Partial<Parameters<typeof runConsensus>[0]> = {},
  create: (plan: CouncilPlan) => ReturnType<typeof createScriptedCouncil> = createScriptedCouncil,
) {
  const council = create(plan);
  const transcript = new MemoryTranscript();
  const events: RunEvent[] = [];
  const result = await runConsensus(
    { task: 'Fix the loop', outputKind: 'text', seed: 42, maxRounds: 4, ...extra },
    { participants: council.participants, transcript, onEvent: (event) => events.push(event) },
  );
  return { result, transcript, events, council };
}

function promptOf(event: CallStartedEvent): string {
  return [event.system, ...event.messages.map((message) => message.content)].join('\n');
}

for (const council of COUNCILS)
  describe(`runConsensus: a 3-member council converging (acceptance #2), against ${council.name}`, () => {
    let result: ConsensusResult;
    let records: ReturnType<MemoryTranscript['records']>;
    let transcript: MemoryTranscript;
    /** Our own plan's content (the schema-only council never reads it). */
    const planned = council.readsPrompts;

    before(async () => {
      const outcome = await run(convergesInRound2, {}, council.create);
      result = outcome.result;
      transcript = outcome.transcript;
      records = transcript.records();
    });

    it('converges (in round 2 by the plan) and is ratified unanimously', () => {
      assert.equal(result.status, 'unanimous');
      assert.equal(result.stopReason, 'converged');
      if (planned) assert.equal(result.roundsCompleted, 2);
      assert.ok(result.roundsCompleted >= 1);
      assert.equal(result.converged, true);
    });

    it('requests every draft before any draft returns', () => {
      const draftStarts = records.filter((r) => r.type === 'call-started' && r.phase === 'draft');
      const draftEnds = records.filter((r) => r.type === 'call-finished' && r.phase === 'draft');
      assert.equal(draftStarts.length, 3);
      assert.equal(draftEnds.length, 3);
      const lastStart = Math.max(...draftStarts.map((r) => r.seq));
      const firstEnd = Math.min(...draftEnds.map((r) => r.seq));
      assert.ok(
        lastStart < firstEnd,
        `draft ${lastStart} started after a draft returned (${firstEnd})`,
      );
    });

    it("never names another participant's provider, model or display name in a prompt about peers", () => {
      const peerPrompts = records.filter(
        (r): r is CallStartedEvent & { seq: number } =>
          r.type === 'call-started' && ['review', 'merge', 'final', 'ratify'].includes(r.phase),
      );
      assert.ok(peerPrompts.length > 0);
      for (const call of peerPrompts) {
        const text = promptOf(call).toLowerCase();
        for (const other of COUNCIL_IDENTITIES) {
          if (other.id === call.participantId) continue;
          for (const name of [other.provider, other.model, other.displayName])
            assert.ok(!text.includes(name.toLowerCase()), `${call.phase} prompt names ${name}`);
        }
      }
    });

    it('never lets a participant review, score or ratify its own text', () => {
      const reports = records.filter((r) => r.type === 'review-done');
      // 3 reviewers x (rounds + 1) review rounds: the plan's 3, the schema-only council's 2.
      assert.equal(reports.length, 3 * (result.roundsCompleted + 1));
      if (planned) assert.equal(reports.length, 9);
      for (const record of reports) {
        const { report } = record as Extract<typeof record, { type: 'review-done' }>;
        assert.ok(!Object.values(report.labelMap).includes(report.reviewerId));
        assert.equal(Object.keys(report.labelMap).length, 2);
        for (const review of report.reviews) assert.notEqual(review.authorId, report.reviewerId);
        assert.equal(typeof report.shuffleSeed, 'number');
      }
      for (const record of reports) {
        const { report } = record as Extract<typeof record, { type: 'review-done' }>;
        assert.equal(report.reviews.length, 2, 'no review lost');
        assert.deepEqual(report.missingLabels ?? [], []);
      }
      const combined = records.find((r) => r.type === 'combined');
      assert.ok(combined && combined.type === 'combined');
      for (const r of records)
        if (r.type === 'call-started' && r.phase === 'ratify') {
          const document = inputDocumentOf(promptOf(r));
          assert.equal(document?.combined, combined.product);
          assert.equal(document?.proposals, undefined);
        }
      if (!planned) return;
      // Round 1 and 2 reviews: the reviewer's own (distinct) product is not in its prompt.
      const owns: Record<string, string[]> = {};
      for (const r of records)
        if (r.type === 'proposal')
          (owns[r.proposal.participantId] ??= []).push(`${r.proposal.round}:${r.proposal.product}`);
      for (const r of records) {
        if (r.type !== 'call-started' || r.phase !== 'review' || r.round > 2) continue;
        const own = (owns[r.participantId] ?? [])
          .filter((entry) => entry.startsWith(`${r.round === 1 ? 1 : r.round - 1}:`))
          .map((entry) => entry.slice(entry.indexOf(':') + 1));
        for (const product of own) assert.ok(!promptOf(r).includes(product), 'own text reviewed');
      }
      // Ratification is of the combined product, which is none of the finals.
      const finals = records
        .filter((r) => r.type === 'proposal' && r.proposal.phase === 'final')
        .map((r) => (r.type === 'proposal' ? r.proposal.product : ''));
      assert.equal(combined.product, AGREED);
      assert.ok(!finals.includes(combined.product));
      for (const r of records)
        if (r.type === 'call-started' && r.phase === 'ratify') {
          const document = inputDocumentOf(promptOf(r));
          assert.equal(document?.combined, AGREED);
          assert.equal(document?.proposals, undefined);
        }
    });

    it('records textDivergence, scoreSpread, every improvementRoom and all four verdicts per round', () => {
      const scored = records.filter((r) => r.type === 'round-scored');
      assert.deepEqual(
        scored.map((r) => (r.type === 'round-scored' ? r.signals.round : 0)),
        Array.from({ length: result.roundsCompleted }, (_v, index) => index + 1),
      );
      for (const record of scored) {
        if (record.type !== 'round-scored') continue;
        const signals = record.signals;
        assert.equal(typeof signals.textDivergence, 'number');
        assert.equal(typeof signals.scoreSpread, 'number');
        assert.deepEqual(Object.keys(signals.improvementRoom).sort(), ['p1', 'p2', 'p3']);
        assert.deepEqual(
          signals.verdicts.map((verdict) => verdict.condition),
          ['improvementRoom', 'scoreSpread', 'textDivergence', 'roundCap'],
        );
      }
      assert.equal(result.signals.at(-1)!.converged, true);
      if (!planned) return;
      const [first, second] = result.signals;
      assert.ok(first && second);
      assert.equal(first.converged, false);
      assert.ok(first.textDivergence > 0.15);
      assert.equal(first.scoreSpread, 1); // reviewers give 5/6/7: means 6.5, 6, 5.5
      assert.equal(second.converged, true);
      assert.equal(second.textDivergence, 0);
      assert.equal(second.scoreSpread, 0);
      assert.ok(second.verdicts.slice(0, 3).every((verdict) => verdict.holds));
      assert.equal(second.verdicts[3]!.holds, false);
    });

    it('records every ratification vote and the status in the transcript', () => {
      const votes = records.filter((r) => r.type === 'ratified');
      assert.deepEqual(
        votes.map((r) => (r.type === 'ratified' ? r.ratification.participantId : '')).sort(),
        ['p1', 'p2', 'p3'],
      );
      const last = records.at(-1);
      assert.ok(last && last.type === 'run-finished');
      assert.equal((last.result as ConsensusResult).status, 'unanimous');
      assert.deepEqual(
        records.map((r) => r.seq),
        records.map((_r, index) => index),
      );
      for (const line of transcript.lines) assert.ok(!line.includes('token-delta'));
    });

    it('records usage, latency and cost per call and the shuffle seed per review', () => {
      const finished = records.filter((r) => r.type === 'call-finished');
      assert.equal(finished.length, result.cost.calls);
      for (const r of finished)
        if (r.type === 'call-finished') {
          assert.ok(r.usage.inputTokens > 0);
          assert.ok(r.latencyMs >= 0);
        }
    });
  });

describe('runConsensus: status rules', () => {
  it('is majority when fewer than half of the responding object, with the objection in the minority report', async () => {
    const { result } = await run({
      ...convergesInRound2,
      ratify: (i) => (i === 2 ? 'object' : 'approve'),
    });
    assert.equal(result.status, 'majority');
    assert.deepEqual(
      result.minorityReport.map((entry) => [entry.participantId, entry.vote]),
      [['p3', 'object']],
    );
  });

  it('is provisional at the round cap, with reservations reported', async () => {
    const { result } = await run(
      {
        product: (index, phase, round) =>
          distinctText(index + round * 3 + (phase === 'final' ? 0 : 1)),
        score: (reviewer, round) => 3 + reviewer * 2 + round,
        critique: (reviewer, round) => [`${distinctText(reviewer * 3 + round, 2)}`],
        improvementRoom: () => 'major',
        ratify: (i) => (i === 0 ? 'approve-with-reservations' : 'approve'),
      },
      { maxRounds: 2 },
    );
    assert.equal(result.status, 'provisional');
    assert.equal(result.stopReason, 'round-cap');
    assert.equal(result.signals.at(-1)!.verdicts[3]!.holds, true);
    assert.deepEqual(
      result.minorityReport.map((entry) => entry.vote),
      ['approve-with-reservations'],
    );
  });

  it('stops with status budget and the best so far when the next phase would exceed the token budget', async () => {
    const { result, events } = await run(convergesInRound2, { budget: { maxTotalTokens: 600 } });
    assert.equal(result.status, 'budget');
    assert.ok(result.product && result.product.length > 0);
    assert.ok(result.cost.usage.inputTokens + result.cost.usage.outputTokens <= 600);
    assert.equal(events.at(-1)!.type, 'run-finished');
  });

  it('streams token deltas as events but never into the transcript', async () => {
    const { events, transcript } = await run(convergesInRound2);
    assert.ok(events.some((event) => event.type === 'token-delta'));
    assert.ok(transcript.records().every((record) => (record.type as string) !== 'token-delta'));
  });
});

describe('runConsensus: deadlock (acceptance #3)', () => {
  it('frozen scores: stops with deadlock, names the signal and returns the provisional best', async () => {
    const { result, events } = await run({
      product: (index, phase, round) =>
        distinctText(index * 3 + round + (phase === 'draft' ? 0 : 20)),
      // Every score is 6 in every round: the mean never moves.
      score: () => 6,
      critique: (reviewer, round) => [distinctText(reviewer * 4 + round * 7, 2)],
      improvementRoom: () => 'major',
    });
    assert.equal(result.status, 'deadlock');
    assert.equal(result.deadlockSignal, 'frozen-scores');
    const deadlock = events.find((event) => event.type === 'deadlock');
    assert.ok(deadlock && deadlock.type === 'deadlock' && deadlock.signal === 'frozen-scores');
    assert.ok(result.product && result.product.length > 0);
  });

  it('repeated critique: stops with deadlock naming repeated-critique; the best is the highest mean peer score', async () => {
    const { result } = await run({
      product: (index, phase, round) =>
        distinctText(index * 3 + round + (phase === 'draft' ? 0 : 20)),
      // p2's round-1 merge is the one the reviews opening round 2 score 9.
      score: (_reviewer, round, product) =>
        product === distinctText(1 * 3 + 1 + 20) ? 9 : 2 + round,
      critique: () => ['the same complaint about error handling', 'and the same naming complaint'],
      improvementRoom: () => 'major',
    });
    assert.equal(result.status, 'deadlock');
    assert.equal(result.deadlockSignal, 'repeated-critique');
    assert.equal(result.product, distinctText(1 * 3 + 1 + 20)); // p2's round-1 merge scored 9
  });

  it('no new information: merged proposals stop changing while not converged', async () => {
    const { result } = await run({
      product: (index, phase) => distinctText(index + (phase === 'draft' ? 0 : 10)),
      score: (reviewer, round) => 2 + round * 2 + reviewer,
      critique: (reviewer, round) => [distinctText(reviewer * 5 + round * 11, 2)],
      improvementRoom: () => 'major',
    });
    assert.equal(result.status, 'deadlock');
    assert.equal(result.deadlockSignal, 'no-new-information');
    assert.ok(result.product);
  });
});

for (const council of COUNCILS)
  describe(`runConsensus: cost budget, personas, code context, transcript order, schemas, against ${council.name}`, () => {
    it('stops with status budget when the next phase would exceed the cost budget', async () => {
      const members = council.create(convergesInRound2);
      const result = await runConsensus(
        { task: 'Fix it', outputKind: 'text', seed: 1, budget: { maxCostUsd: 0.0035 } },
        { participants: members.participants, cost: { costOf: () => 0.001 } },
      );
      assert.equal(result.status, 'budget');
      assert.equal(result.cost.calls, 3); // the drafts; 3 reviews more would cost 0.006
      assert.ok(Math.abs(result.cost.costUsd - 0.003) < 1e-9);
      assert.ok(result.product);
    });

    it("puts a persona's expertise and instructions into that participant's system prompt only", async () => {
      const members = council.create(convergesInRound2);
      members.participants[0]!.persona = {
        id: 'sec',
        name: 'Security reviewer',
        expertise: ['security', 'owasp'],
        instructions: 'Always check input validation first.',
      };
      const events: RunEvent[] = [];
      await runConsensus(
        { task: 'Fix it', outputKind: 'text', seed: 1 },
        { participants: members.participants, onEvent: (event) => events.push(event) },
      );
      for (const event of events)
        if (event.type === 'call-started') {
          const has = event.system.includes('Always check input validation first.');
          assert.equal(has, event.participantId === 'p1');
          if (has) assert.match(event.system, /security, owasp/);
          for (const message of event.messages) assert.ok(!message.content.includes('owasp'));
        }
    });

    it('frames a code task with the selection markup and keeps the original selection', async () => {
      const members = council.create(convergesInRound2);
      const events: RunEvent[] = [];
      const result = await runConsensus(
        {
          task: 'Handle the empty array',
          outputKind: 'code',
          context: { selection: 'const x = a[0];', filePath: 'src/a.ts', languageId: 'ts' },
          seed: 1,
        },
        { participants: members.participants, onEvent: (event) => events.push(event) },
      );
      const draft = events.find((e) => e.type === 'call-started' && e.phase === 'draft');
      assert.ok(draft && draft.type === 'call-started');
      assert.deepEqual(inputDocumentOf(draft.messages[0]!.content), {
        task: 'Handle the empty array',
        selection: { path: 'src/a.ts', language: 'ts', code: 'const x = a[0];' },
      });
      assert.equal(result.originalSelection, 'const x = a[0];');
    });

    it('appends the transcript in the order the events happened, token deltas excepted', async () => {
      const { events, transcript } = await run(convergesInRound2, {}, council.create);
      const expected = events.filter((event) => event.type !== 'token-delta');
      const records = transcript.records();
      assert.equal(records.length, expected.length);
      records.forEach((record, index) => {
        assert.equal(record.seq, index);
        assert.equal(record.type, expected[index]!.type);
        assert.equal(record.at, expected[index]!.at);
      });
    });

    it('asks for JSON with OpenAI-strict schemas: every property required, no extra properties', async () => {
      const { council: members } = await run(
        convergesInRound2,
        { scheduling: { alwaysRunFinal: true } },
        council.create,
      );
      const schemas = new Map(
        members.models[0]!.calls.map((call) => [call.schemaName, call.request.jsonSchema!.schema]),
      );
      assert.deepEqual([...schemas.keys()].sort(), [
        'draft',
        'final',
        'merge',
        'ratification',
        'review',
      ]);
      const check = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(check);
        if (!node || typeof node !== 'object') return;
        const object = node as Record<string, unknown>;
        if (object.type === 'object') {
          assert.equal(object.additionalProperties, false);
          assert.deepEqual(
            [...(object.required as string[])].sort(),
            Object.keys(object.properties as object).sort(),
          );
        }
        Object.values(object).forEach(check);
      };
      for (const schema of schemas.values()) check(schema);
    });
  });
