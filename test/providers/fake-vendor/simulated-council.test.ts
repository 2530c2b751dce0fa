import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  readPromptMarkup,
  resolveSchemaName,
  simulateCouncilReply,
} from '../../fake-vendor/simulated-council';

// The shapes of src/core/structured-schemas.ts, as the engine validates them.
const schemas = {
  draft: z.object({ product: z.string(), rationale: z.string() }).strict(),
  final: z.object({ product: z.string(), rationale: z.string() }).strict(),
  merge: z
    .object({ product: z.string(), rationale: z.string(), critiqueResponse: z.array(z.string()) })
    .strict(),
  review: z
    .object({
      reviews: z.array(
        z
          .object({
            label: z.string(),
            score: z.number().int().min(1).max(10),
            critique: z.array(z.string()),
            suggestions: z.array(z.string()),
            majorIssues: z.number().int().min(0),
            agreementOutlook: z.enum(['agree', 'close', 'far']),
          })
          .strict(),
      ),
      improvementRoom: z.enum(['none', 'minor', 'major']),
    })
    .strict(),
  ratification: z
    .object({
      vote: z.enum(['approve', 'approve-with-reservations', 'object']),
      reasons: z.array(z.string()),
    })
    .strict(),
  vote_answer: z.object({ answer: z.string(), reasoning: z.string() }).strict(),
  vote_clusters: z
    .object({
      clusters: z.array(z.object({ answer: z.string(), members: z.array(z.string()) }).strict()),
    })
    .strict(),
};

const codePrompt = [
  '<task>Rename x to count\nand keep behaviour</task>',
  '<selection language="ts" path="src/a.ts">',
  'let x = 1;',
  'x += 1;',
  '</selection>',
  '<proposal label="Proposal A">',
  'let count = 1;',
  '</proposal>',
  '<proposal label="Proposal B">',
  'let count = 2;',
  '</proposal>',
  '<review of="Proposal A">fine</review>',
  '<combined>let count = 1;</combined>',
].join('\n');

describe('simulated council (fake vendor default responder)', () => {
  it('answers every schema name validly', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      const reply = simulateCouncilReply({ model: 'm', prompt: codePrompt, schemaName: name });
      schema.parse(JSON.parse(reply));
    }
  });

  it('drafts code as the selection with one council line on top', () => {
    const draft = schemas.draft.parse(
      JSON.parse(simulateCouncilReply({ model: 'm', prompt: codePrompt, schemaName: 'draft' })),
    );
    assert.equal(draft.product, '// council: Rename x to count\nlet x = 1;\nx += 1;');
    assert.match(draft.rationale, /\(simulated\)/);
  });

  it('answers a text task with "Council answer: <first line>"', () => {
    const prompt = '<task>What is 2+2?\nExplain.</task>';
    const draft = schemas.draft.parse(
      JSON.parse(simulateCouncilReply({ model: 'm', prompt, schemaName: 'draft' })),
    );
    assert.equal(draft.product, 'Council answer: What is 2+2?');
    assert.equal(simulateCouncilReply({ model: 'm', prompt }), 'Council answer: What is 2+2?');
  });

  it('reviews every proposal shown with 9, no major issues, nothing to improve', () => {
    const review = schemas.review.parse(
      JSON.parse(simulateCouncilReply({ model: 'm', prompt: codePrompt, schemaName: 'review' })),
    );
    assert.deepEqual(
      review.reviews.map((entry) => [entry.label, entry.score, entry.majorIssues]),
      [
        ['Proposal A', 9, 0],
        ['Proposal B', 9, 0],
      ],
    );
    assert.equal(review.improvementRoom, 'none');
    assert.ok(
      review.reviews.every((entry) => entry.critique.every((line) => line.includes('(simulated)'))),
    );
  });

  it('approves a ratification and clusters identical vote answers', () => {
    assert.equal(
      schemas.ratification.parse(
        JSON.parse(
          simulateCouncilReply({ model: 'm', prompt: codePrompt, schemaName: 'ratification' }),
        ),
      ).vote,
      'approve',
    );
    const judgePrompt =
      '<task>Pick</task><answer label="Voter 1">42</answer><answer label="Voter 2">41</answer><answer label="Voter 3"> 42 </answer>';
    const clusters = schemas.vote_clusters.parse(
      JSON.parse(
        simulateCouncilReply({ model: 'm', prompt: judgePrompt, schemaName: 'vote_clusters' }),
      ),
    );
    assert.deepEqual(clusters.clusters, [
      { answer: '42', members: ['Voter 1', 'Voter 3'] },
      { answer: '41', members: ['Voter 2'] },
    ]);
  });

  it('recognises the schema from its properties when the wire carries no name (Anthropic, Gemini)', () => {
    const props = (...names: string[]) => ({
      properties: Object.fromEntries(names.map((name) => [name, {}])),
    });
    assert.equal(resolveSchemaName(undefined, props('reviews', 'improvementRoom')), 'review');
    assert.equal(resolveSchemaName(undefined, props('vote', 'reasons')), 'ratification');
    assert.equal(resolveSchemaName(undefined, props('clusters')), 'vote_clusters');
    assert.equal(resolveSchemaName(undefined, props('answer', 'reasoning')), 'vote_answer');
    assert.equal(
      resolveSchemaName(undefined, props('product', 'rationale', 'critiqueResponse')),
      'merge',
    );
    assert.equal(resolveSchemaName(undefined, props('product', 'rationale')), 'draft');
    assert.equal(resolveSchemaName('final', props('product', 'rationale')), 'final');
    assert.equal(resolveSchemaName(undefined, undefined), undefined);
  });

  it('reads the prompt markup', () => {
    const markup = readPromptMarkup(codePrompt);
    assert.equal(markup.selection, 'let x = 1;\nx += 1;');
    assert.deepEqual(
      markup.proposals.map((proposal) => proposal.label),
      ['Proposal A', 'Proposal B'],
    );
    assert.equal(markup.combined, 'let count = 1;');
  });
});

describe('simulated council prompt sources', () => {
  it('reads the user messages first, so example markup in the instructions is not taken for data', () => {
    const system =
      'Peers appear as <proposal label="Example">…</proposal>. <task>Example task</task>';
    const reply = simulateCouncilReply({
      model: 'm',
      system,
      prompt: '<task>Real task</task>\n<proposal label="Proposal A">\nA\n</proposal>',
      schemaName: 'review',
    });
    const review = JSON.parse(reply) as { reviews: { label: string }[] };
    assert.deepEqual(
      review.reviews.map((entry) => entry.label),
      ['Proposal A'],
    );
    assert.equal(
      simulateCouncilReply({ model: 'm', system: '<task>From system</task>', prompt: 'no markup' }),
      'Council answer: From system',
    );
  });
});
