import assert from 'node:assert/strict';
import { runVote, strategyReached } from '../../src/core/engine';
import { clusterAnswersLocally } from '../../src/core/cluster-answers';
import type { Participant } from '../../src/core/participant';
import type { VoteStrategy } from '../../src/core/vote-types';
import {
  ScriptedLanguageModel,
  failure,
  inputDocumentOf,
  type ScriptedReply,
} from '../support/scripted-language-model';
import { schemaOnlyReply } from '../fake-vendor/schema-only-council';
import { MemoryTranscript } from '../support/scripted-council';

function voter(id: string, reply: ScriptedReply | string): Participant {
  const model = new ScriptedLanguageModel({
    provider: `vendor-${id}`,
    modelId: `model-${id}`,
    respond: () =>
      typeof reply === 'string' ? { json: { answer: reply, reasoning: 'because' } } : reply,
  });
  return {
    id,
    provider: model.provider,
    model: model.modelId,
    displayName: id,
    languageModel: model,
  };
}

/** A judge that groups answers by exact (case-insensitive) text, as a real judge would by meaning. */
function judge(id = 'judge', reply?: ScriptedReply): Participant {
  const model = new ScriptedLanguageModel({
    provider: 'vendor-judge',
    modelId: 'judge-model',
    respond: (call) => {
      if (reply) return reply;
      const groups = new Map<string, string[]>();
      for (const { label, answer } of call.answers) {
        const key = answer.toLowerCase().replace(/[^a-z0-9]/g, '');
        groups.set(key, [...(groups.get(key) ?? []), label]);
      }
      return {
        json: { clusters: [...groups].map(([answer, members]) => ({ answer, members })) },
      };
    },
  });
  return {
    id,
    provider: model.provider,
    model: model.modelId,
    displayName: id,
    languageModel: model,
  };
}

async function vote(
  answers: string[],
  strategy: VoteStrategy,
  withJudge: Participant | undefined = judge(),
) {
  const voters = answers.map((answer, index) => voter(`v${index + 1}`, answer));
  const transcript = new MemoryTranscript();
  const result = await runVote(
    { question: 'Which database?', strategy },
    { participants: voters, transcript, ...(withJudge ? { judge: withJudge } : {}) },
  );
  return { result, transcript, voters };
}

describe('runVote (acceptance #7)', () => {
  it('2 of 4 agreeing is not a majority', async () => {
    const { result } = await vote(['PostgreSQL', 'PostgreSQL', 'MongoDB', 'SQLite'], 'majority');
    assert.equal(result.reached, false);
    assert.equal(result.confidence, 0.5);
    assert.equal(result.clusteredBy, 'model');
  });

  it('3 of 4 agreeing is a majority, with the dissent listed', async () => {
    const { result } = await vote(
      ['PostgreSQL', 'postgresql', 'PostgreSQL.', 'MongoDB'],
      'majority',
    );
    assert.equal(result.reached, true);
    assert.equal(result.confidence, 0.75);
    assert.deepEqual(result.agreeing, ['v1', 'v2', 'v3']);
    assert.deepEqual(
      result.dissent.map((entry) => entry.participantId),
      ['v4'],
    );
  });

  it('supermajority needs at least two thirds', async () => {
    assert.equal((await vote(['A', 'A', 'B'], 'supermajority')).result.reached, true);
    assert.equal((await vote(['A', 'A', 'B', 'C'], 'supermajority')).result.reached, false);
    assert.equal((await vote(['A', 'A', 'A', 'B'], 'supermajority')).result.reached, true);
  });

  it('unanimous needs every responding voter', async () => {
    assert.equal((await vote(['A', 'A', 'A'], 'unanimous')).result.reached, true);
    assert.equal((await vote(['A', 'A', 'A', 'B'], 'unanimous')).result.reached, false);
  });

  it('a voter is never the judge: local clustering is used instead', async () => {
    const voters = ['Yes', 'Yes', 'No'].map((answer, index) => voter(`v${index + 1}`, answer));
    const result = await runVote(
      { question: 'Ship it?', strategy: 'majority' },
      { participants: voters, judge: voters[0]! },
    );
    const judgeCalls = (voters[0]!.languageModel as ScriptedLanguageModel).calls.filter(
      (call) => call.schemaName === 'vote_clusters',
    );
    assert.equal(judgeCalls.length, 0);
    assert.equal(result.clusteredBy, 'local-similarity');
    assert.match(result.judgeFallbackReason!, /one of the voters/);
    assert.deepEqual(result.judgeFallback, { kind: 'judge-is-voter', judge: 'v1' });
    assert.equal(result.reached, true);
    assert.equal(result.winningAnswer, 'Yes');
  });

  it('unusable judge output (malformed twice) falls back to local clustering', async () => {
    const bad = judge('judge', { text: 'I think they mostly agree.' });
    const { result } = await vote(
      [
        'Use PostgreSQL for the database.',
        'use postgresql for this database',
        'Use MongoDB for the database.',
      ],
      'majority',
      bad,
    );
    assert.equal((bad.languageModel as ScriptedLanguageModel).calls.length, 2); // one repair re-ask
    assert.equal(result.clusteredBy, 'local-similarity');
    assert.match(result.judgeFallbackReason!, /judge failed/);
    assert.equal(result.judgeFallback?.kind, 'judge-failed');
    assert.equal(result.reached, true);
    assert.deepEqual(result.agreeing, ['v1', 'v2']);
  });

  it('a judge grouping that misses an answer is not used', async () => {
    const partial = judge('judge', { json: { clusters: [{ answer: 'A', members: ['Voter 1'] }] } });
    const { result } = await vote(['A', 'A', 'B'], 'majority', partial);
    assert.equal(result.clusteredBy, 'local-similarity');
    assert.deepEqual(result.judgeFallback, { kind: 'incomplete-grouping', judge: 'judge' });
    assert.equal(result.reached, true);
  });

  it('no judge: grouped locally, the cause a kind with its English line', async () => {
    const voters = ['A', 'A', 'B'].map((answer, index) => voter(`v${index + 1}`, answer));
    const result = await runVote(
      { question: 'Ship it?', strategy: 'majority' },
      { participants: voters },
    );
    assert.equal(result.clusteredBy, 'local-similarity');
    assert.deepEqual(result.judgeFallback, { kind: 'no-judge' });
    assert.equal(result.judgeFallbackReason, 'No judge model was available.');
  });

  it('fewer than 2 responses is a clear failure report naming the failed voters', async () => {
    const voters = [
      voter('v1', 'Yes'),
      voter('v2', failure('auth', 'bad key')),
      voter('v3', failure('quota', 'no credit')),
    ];
    const transcript = new MemoryTranscript();
    const result = await runVote(
      { question: 'Ship it?', strategy: 'majority' },
      { participants: voters, judge: judge(), transcript },
    );
    assert.equal(result.reached, false);
    assert.match(result.error!.message, /Only 1 of 3 voters answered/);
    assert.deepEqual(
      result.failed.map((entry) => [entry.participantId, entry.error.kind]),
      [
        ['v2', 'auth'],
        ['v3', 'quota'],
      ],
    );
    // One end event, whose result carries the failure (docs/ARCHITECTURE.md "The event flow").
    const ends = transcript
      .records()
      .filter((record) => record.type === 'run-finished' || record.type === 'run-failed');
    assert.equal(ends.length, 1);
    assert.ok(ends[0]!.type === 'run-finished');
    assert.match(ends[0]!.result.error!.message, /Only 1 of 3 voters answered/);
  });

  it('a failed voter is listed and does not count as responding', async () => {
    const voters = [voter('v1', 'Yes'), voter('v2', 'Yes'), voter('v3', failure('server'))];
    const result = await runVote(
      { question: 'Ship it?', strategy: 'unanimous' },
      { participants: voters },
    );
    assert.equal(result.responding, 2);
    assert.equal(result.reached, true);
    assert.deepEqual(
      result.failed.map((entry) => entry.participantId),
      ['v3'],
    );
  });

  it('polls every voter before any answers, and records vote-cast events', async () => {
    const { transcript } = await vote(['A', 'B', 'A'], 'majority');
    const records = transcript.records();
    const starts = records.filter((r) => r.type === 'call-started' && r.phase === 'vote');
    const ends = records.filter((r) => r.type === 'call-finished' && r.phase === 'vote');
    assert.ok(Math.max(...starts.map((r) => r.seq)) < Math.min(...ends.map((r) => r.seq)));
    assert.equal(records.filter((r) => r.type === 'vote-cast').length, 3);
  });

  it('strategy arithmetic: majority is strictly more than half', () => {
    assert.equal(strategyReached('majority', 2, 4), false);
    assert.equal(strategyReached('majority', 3, 4), true);
    assert.equal(strategyReached('majority', 2, 3), true);
    assert.equal(strategyReached('supermajority', 4, 6), true);
    assert.equal(strategyReached('supermajority', 3, 5), false);
    assert.equal(strategyReached('unanimous', 5, 5), true);
    assert.equal(strategyReached('unanimous', 1, 1), false); // fewer than 2 responses
  });

  it('local clustering groups rewordings and keeps different answers apart', () => {
    const clusters = clusterAnswersLocally([
      { participantId: 'a', answer: 'Use PostgreSQL for the database.' },
      { participantId: 'b', answer: 'use postgresql for this database' },
      { participantId: 'c', answer: 'Use MongoDB for the database.' },
      { participantId: 'd', answer: 'Paris' },
    ]);
    assert.deepEqual(clusters[0]!.participantIds, ['a', 'b']);
    assert.equal(clusters.length, 3);
  });
});

/** Voters and a judge answered from the JSON schema alone (test/fake-vendor/schema-only-council.ts). */
function schemaOnly(id: string, reply?: ScriptedReply): Participant {
  const modelId = `model-${id}-blind`;
  const model = new ScriptedLanguageModel({
    provider: `vendor-${id}`,
    modelId,
    respond: (call) =>
      reply ?? {
        text: schemaOnlyReply({ model: modelId, schema: call.request.jsonSchema?.schema }),
      },
  });
  return { id, provider: model.provider, model: modelId, displayName: id, languageModel: model };
}

const VOTE_COUNCILS = [
  {
    name: 'the prompt-reading scripted voters',
    voter: (id: string, reply?: ScriptedReply) => voter(id, reply ?? 'PostgreSQL'),
    judge: () => judge(),
  },
  {
    name: 'the schema-only voters and judge',
    voter: (id: string, reply?: ScriptedReply) => schemaOnly(id, reply),
    judge: () => schemaOnly('judge'),
  },
] as const;

for (const council of VOTE_COUNCILS)
  describe(`runVote against ${council.name}`, () => {
    it('three agreeing voters: reached through the judge, which saw each answer once, anonymised', async () => {
      const voters = ['v1', 'v2', 'v3'].map((id) => council.voter(id));
      const theJudge = council.judge();
      const transcript = new MemoryTranscript();
      const result = await runVote(
        { question: 'Which database?', strategy: 'unanimous', seed: 4 },
        { participants: voters, judge: theJudge, transcript },
      );
      assert.equal(result.reached, true);
      assert.equal(result.clusteredBy, 'model');
      assert.deepEqual([...result.agreeing].sort(), ['v1', 'v2', 'v3']);
      const calls = (theJudge.languageModel as ScriptedLanguageModel).calls;
      assert.equal(calls.length, 1);
      const document = inputDocumentOf(calls[0]!.request.messages[0]!.content);
      const labels = (document?.answers as { label: string }[]).map((answer) => answer.label);
      assert.deepEqual([...labels].sort(), ['Answer A', 'Answer B', 'Answer C']);
      const prompt = JSON.stringify(calls[0]!.request).toLowerCase();
      for (const id of ['model-v1', 'model-v2', 'model-v3', 'vendor-v'])
        assert.ok(!prompt.includes(id), `the judge's prompt names ${id}`);
      const records = transcript.records();
      assert.equal(records.filter((r) => r.type === 'vote-cast').length, 3);
      const starts = records.filter((r) => r.type === 'call-started' && r.phase === 'vote');
      const ends = records.filter((r) => r.type === 'call-finished' && r.phase === 'vote');
      assert.ok(Math.max(...starts.map((r) => r.seq)) < Math.min(...ends.map((r) => r.seq)));
    });

    it('a failed voter is listed and does not count; with one answer left the vote fails clearly', async () => {
      const one = await runVote(
        { question: 'Ship it?', strategy: 'unanimous' },
        {
          participants: [
            council.voter('v1'),
            council.voter('v2'),
            council.voter('v3', failure('server')),
          ],
          judge: council.judge(),
        },
      );
      assert.equal(one.responding, 2);
      assert.equal(one.reached, true);
      assert.deepEqual(
        one.failed.map((entry) => entry.participantId),
        ['v3'],
      );
      const two = await runVote(
        { question: 'Ship it?', strategy: 'majority' },
        {
          participants: [
            council.voter('v1'),
            council.voter('v2', failure('auth', 'bad key')),
            council.voter('v3', failure('quota', 'no credit')),
          ],
          judge: council.judge(),
        },
      );
      assert.equal(two.reached, false);
      assert.match(two.error!.message, /Only 1 of 3 voters answered/);
    });

    it('a voter is never the judge: local clustering is used instead', async () => {
      const voters = ['v1', 'v2', 'v3'].map((id) => council.voter(id));
      const result = await runVote(
        { question: 'Ship it?', strategy: 'majority' },
        { participants: voters, judge: voters[0]! },
      );
      const judgeCalls = (voters[0]!.languageModel as ScriptedLanguageModel).calls.filter(
        (call) => call.schemaName === 'vote_clusters',
      );
      assert.equal(judgeCalls.length, 0);
      assert.equal(result.clusteredBy, 'local-similarity');
      assert.equal(result.reached, true);
    });
  });
