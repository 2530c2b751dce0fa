import assert from 'node:assert/strict';
import {
  checkConvergence,
  combineFinals,
  estimateRun,
  rankParticipantsForTask,
  textDivergence,
  transcriptToMarkdown,
  runIteration,
} from '../../src/core/engine';
import { detectDeadlock } from '../../src/core/detect-deadlock';
import type { ParticipantInfo } from '../../src/core/participant';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';

describe('textDivergence', () => {
  it('is 0 for identical texts and 1 for texts sharing nothing', () => {
    assert.equal(textDivergence('a\nb\nc', 'a\nb\nc'), 0);
    assert.equal(textDivergence('alpha', 'gamma'), 1);
    assert.ok(textDivergence('alpha beta', 'gamma delta') > 0.9); // only the space is shared
    assert.equal(textDivergence('', 'x'), 1);
  });

  it('grows with the size of the change, at line and token level', () => {
    const base = distinctText(0, 10);
    const lines = base.split('\n');
    const oneLine = [...lines.slice(0, 9), 'changed line here'].join('\n');
    const fiveLines = [...lines.slice(0, 5), ...Array(5).fill('changed line here')].join('\n');
    const small = textDivergence(base, oneLine);
    const large = textDivergence(base, fiveLines);
    assert.ok(small > 0 && small < 0.15, `one line of ten: ${small}`);
    assert.ok(large > small);
    // A one-word edit inside a line moves it less than replacing the line.
    const oneWord = base.replace('alpha', 'omega');
    assert.ok(textDivergence(base, oneWord) < textDivergence(base, oneLine) + 0.05);
  });

  it('is symmetric', () => {
    const a = distinctText(1);
    const b = distinctText(1).replace('golf', 'GOLF');
    assert.equal(textDivergence(a, b), textDivergence(b, a));
  });
});

describe('combineFinals', () => {
  it('keeps agreed lines and takes the majority variant of a differing hunk', () => {
    const combined = combineFinals([
      { participantId: 'a', product: 'one\ntwo\nthree', meanScore: 9 },
      { participantId: 'b', product: 'one\nTWO\nthree', meanScore: 5 },
      { participantId: 'c', product: 'one\nTWO\nthree', meanScore: 5 },
    ]);
    assert.equal(combined.product, 'one\nTWO\nthree');
    assert.deepEqual(combined.decisions, [
      { hunk: 0, decidedBy: 'majority', winnerIds: ['b', 'c'] },
    ]);
    assert.ok(combined.agreement > 0.5 && combined.agreement < 1);
  });

  it('with no majority, the final with the highest mean peer score wins, whatever the list order', () => {
    const finals = [
      { participantId: 'a', product: 'head\nfrom a\ntail', meanScore: 6 },
      { participantId: 'b', product: 'head\nfrom b\ntail', meanScore: 8.5 },
      { participantId: 'c', product: 'head\nfrom c\ntail', meanScore: 7 },
    ];
    for (const order of [finals, [...finals].reverse(), [finals[1]!, finals[0]!, finals[2]!]]) {
      const combined = combineFinals(order);
      assert.equal(combined.product, 'head\nfrom b\ntail');
      assert.equal(combined.decisions[0]!.decidedBy, 'highest-score');
      assert.deepEqual(combined.decisions[0]!.winnerIds, ['b']);
    }
  });

  it('combines edits of different lines by different finals into one product', () => {
    const combined = combineFinals([
      { participantId: 'a', product: 'l1\nl2 edited\nl3\nl4', meanScore: 7 },
      { participantId: 'b', product: 'l1\nl2\nl3 edited\nl4', meanScore: 7 },
      { participantId: 'c', product: 'l1\nl2\nl3\nl4 edited', meanScore: 7 },
    ]);
    assert.equal(combined.product, 'l1\nl2\nl3\nl4');
  });

  it('keeps a line added by a majority and drops one added by a minority', () => {
    const combined = combineFinals([
      { participantId: 'a', product: 'x\ny\nadded\nz', meanScore: 7 },
      { participantId: 'b', product: 'x\ny\nadded\nz', meanScore: 7 },
      { participantId: 'c', product: 'x\ny\nz\nonly c', meanScore: 9 },
    ]);
    assert.equal(combined.product, 'x\ny\nadded\nz');
  });
});

describe('checkConvergence', () => {
  const proposals = [
    { authorId: 'a', product: 'same text\nline' },
    { authorId: 'b', product: 'same text\nline' },
  ];

  it('converges when all three measured conditions hold, with a verdict for each of the four', () => {
    const signals = checkConvergence({
      proposals,
      scores: [
        { reviewerId: 'a', authorId: 'b', score: 8 },
        { reviewerId: 'b', authorId: 'a', score: 8.5 },
      ],
      improvementRoom: { a: 'minor', b: 'none' },
      round: 2,
      maxRounds: 4,
      previousMeanScore: 7,
    });
    assert.equal(signals.converged, true);
    assert.equal(signals.scoreSpread, 0.5);
    assert.equal(signals.scoreMovement, 1.25);
    assert.deepEqual(
      signals.verdicts.map((v) => [v.condition, v.holds]),
      [
        ['improvementRoom', true],
        ['scoreSpread', true],
        ['textDivergence', true],
        ['roundCap', false],
      ],
    );
  });

  it('does not converge on a "major" improvement room, a spread of 1.0, or divergence above 0.15', () => {
    const base = {
      proposals,
      scores: [
        { reviewerId: 'a', authorId: 'b', score: 8 },
        { reviewerId: 'b', authorId: 'a', score: 8 },
      ],
      improvementRoom: { a: 'none' as const, b: 'none' as const },
    };
    assert.equal(
      checkConvergence({ ...base, improvementRoom: { a: 'major', b: 'none' } }).converged,
      false,
    );
    const spread = checkConvergence({
      ...base,
      scores: [
        { reviewerId: 'a', authorId: 'b', score: 9 },
        { reviewerId: 'b', authorId: 'a', score: 8 },
      ],
    });
    assert.equal(spread.scoreSpread, 1);
    assert.equal(spread.converged, false);
    const divergent = checkConvergence({
      ...base,
      proposals: [
        { authorId: 'a', product: distinctText(0) },
        { authorId: 'b', product: distinctText(1) },
      ],
    });
    assert.ok(divergent.textDivergence > 0.15);
    assert.equal(divergent.converged, false);
    assert.equal(checkConvergence(base).converged, true);
  });

  it('counts major issues and reports the round cap verdict', () => {
    const signals = checkConvergence({
      proposals,
      scores: [{ reviewerId: 'a', authorId: 'b', score: 5, majorIssues: 2 }],
      round: 3,
      maxRounds: 3,
    });
    assert.equal(signals.majorIssueCount, 2);
    assert.equal(signals.verdicts[3]!.holds, true);
  });
});

describe('detectDeadlock', () => {
  const round = (
    n: number,
    meanScore: number,
    critique: string,
    merged: Record<string, string>,
  ) => ({
    round: n,
    meanScore,
    critique,
    merged,
  });
  it('fires frozen-scores only after two rounds of moves below 0.25', () => {
    assert.equal(
      detectDeadlock([
        round(0, 6, distinctText(0), {}),
        round(1, 6.1, distinctText(1), { a: 'x' }),
      ]),
      undefined,
    );
    assert.equal(
      detectDeadlock([
        round(0, 6, distinctText(0), {}),
        round(1, 6.1, distinctText(1), { a: distinctText(3) }),
        round(2, 6.2, distinctText(2), { a: distinctText(4) }),
      ])?.signal,
      'frozen-scores',
    );
  });
  it('fires repeated-critique and no-new-information', () => {
    const repeated = detectDeadlock([
      round(0, 4, 'same point', {}),
      round(1, 6, 'same point', { a: 'x' }),
    ]);
    assert.equal(repeated?.signal, 'repeated-critique');
    // Entry 0 holds the drafts' reviews: the detail names no "round 0".
    assert.equal(
      repeated?.detail,
      "The critique of round 1's merged proposals is 100% the same as that of the drafts.",
    );
    assert.equal(
      detectDeadlock([
        round(1, 4, distinctText(0), { a: distinctText(5) }),
        round(2, 6, distinctText(1), { a: distinctText(5) }),
      ])?.signal,
      'no-new-information',
    );
  });
});

describe('rankParticipantsForTask, estimateRun, transcriptToMarkdown, runIteration', () => {
  const people: ParticipantInfo[] = [
    {
      id: 'p1',
      provider: 'openai',
      model: 'm1',
      displayName: 'One',
      persona: { id: 's', name: 'Sec', expertise: ['security', 'typescript'] },
    },
    {
      id: 'p2',
      provider: 'anthropic',
      model: 'm2',
      displayName: 'Two',
      persona: { id: 't', name: 'Tester', expertise: ['testing'] },
    },
    { id: 'p3', provider: 'google', model: 'm3', displayName: 'Three' },
  ];

  it('ranks by expertise matching the required skills and the task, with a score 0..1 and one line', () => {
    const ranked = rankParticipantsForTask(
      'Review the security of this TypeScript code',
      ['security'],
      people,
    );
    assert.equal(ranked[0]!.participant.id, 'p1');
    assert.ok(ranked[0]!.score > ranked[1]!.score);
    for (const match of ranked) {
      assert.ok(match.score >= 0 && match.score <= 1);
      assert.ok(!match.recommendation.includes('\n'));
    }
    assert.deepEqual(ranked[0]!.matchedSkills.sort(), ['security', 'typescript']);
  });

  it('estimates a call range from converging at once to the round cap, and a cost range', () => {
    const estimate = estimateRun({ task: 'x'.repeat(400), maxRounds: 4 }, people, {
      costOf: (_p, _m, usage) => usage.inputTokens * 1e-6 + usage.outputTokens * 4e-6,
    });
    assert.equal(estimate.minCalls, 3 * (1 + 2 + 1 + 1 + 1));
    assert.equal(estimate.maxCalls, 3 * (1 + 5 + 4 + 1 + 1));
    assert.ok(estimate.minCostUsd! > 0 && estimate.maxCostUsd! > estimate.minCostUsd!);
    assert.equal(estimate.unpricedCalls, 0);
  });

  it('exports a transcript as Markdown naming the status and the rounds', async () => {
    const council = createScriptedCouncil({
      product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed'),
      score: (_r, round) => (round === 1 ? 6 : 9),
      improvementRoom: (_r, round) => (round === 1 ? 'major' : 'none'),
    });
    const transcript = new MemoryTranscript();
    await (
      await import('../../src/core/engine')
    ).runConsensus(
      { task: 'Write it', outputKind: 'text', seed: 1 },
      { participants: council.participants, transcript },
    );
    const markdown = transcriptToMarkdown(transcript.records());
    assert.match(markdown, /unanimous/);
    assert.match(markdown, /Proposal A/);
    assert.doesNotMatch(markdown, /No result/);
    // Cut before its end record (a crash, a reload): the export says so instead of just stopping.
    const cut = transcript.records().filter((record) => record.type !== 'run-finished');
    assert.match(transcriptToMarkdown(cut), /No result: the run was interrupted/);
  });

  it('runIteration reviews and merges caller-given proposals once and scores them', async () => {
    const council = createScriptedCouncil({
      product: () => 'merged',
      score: () => 7,
      improvementRoom: () => 'minor',
    });
    const result = await runIteration(
      {
        task: 'Write it',
        outputKind: 'text',
        proposals: [
          { authorId: 'A', product: distinctText(0) },
          { authorId: 'B', product: distinctText(1) },
        ],
        seed: 5,
      },
      { participants: council.participants },
    );
    assert.equal(result.merged.length, 3);
    assert.ok(result.reviews.length > 0);
    assert.deepEqual(
      result.signals.verdicts.map((v) => v.condition),
      ['improvementRoom', 'scoreSpread', 'textDivergence', 'roundCap'],
    );
  });
});
