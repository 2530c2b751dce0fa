/**
 * The simulated council through the real engine: the debate the panel's "Try with simulated
 * participants" and `npm run dev` show must really be one (different drafts, critiques naming
 * real differences, a concession in round 2, a reservation kept, convergence in 2–3 rounds).
 */
import assert from 'node:assert/strict';
import { runConsensus } from '../../../src/core/engine';
import type { RunEvent } from '../../../src/core/run-events';
import type { Participant } from '../../../src/core/participant';
import { createSimulatedModel } from '../../../src/providers/simulated/simulated-language-model';
import {
  SIMULATED_DEMO_SELECTION,
  SIMULATED_DEMO_TASK,
  SIMULATED_MEMBERS,
} from '../../../src/providers/simulated/simulated-provider';
import { providerDisplayName } from '../../../src/providers/provider-registry';

function council(): Participant[] {
  return SIMULATED_MEMBERS.map((member) => ({
    id: `simulated:${member}`,
    provider: 'simulated',
    model: member,
    displayName: `${providerDisplayName('simulated')} ${member}`,
    languageModel: createSimulatedModel(member, { pace: 0 }),
  }));
}

async function demoRun(context = true) {
  const events: RunEvent[] = [];
  const result = await runConsensus(
    {
      task: SIMULATED_DEMO_TASK,
      outputKind: context ? 'code' : 'text',
      ...(context
        ? { context: { selection: SIMULATED_DEMO_SELECTION, languageId: 'typescript' } }
        : {}),
      seed: 7,
    },
    { participants: council(), onEvent: (event) => events.push(event) },
  );
  return { result, events };
}

describe('simulated council (through the engine)', () => {
  it('is labelled simulated in every participant name', () => {
    for (const participant of council()) assert.match(participant.displayName, /^Simulated /);
  });

  it('drafts differ, converges in round 2 or 3 with a kept reservation', async () => {
    const { result, events } = await demoRun();
    const drafts = events.flatMap((e) =>
      e.type === 'proposal' && e.proposal.phase === 'draft' ? [e.proposal.product] : [],
    );
    assert.equal(new Set(drafts).size, 3, 'three different drafts');
    assert.equal(result.converged, true);
    assert.ok(
      result.roundsCompleted >= 2 && result.roundsCompleted <= 3,
      `rounds ${result.roundsCompleted}`,
    );
    assert.equal(result.signals[0]?.converged, false, 'round 1 does not converge');
    assert.equal(result.status, 'unanimous');
    assert.deepEqual(
      result.minorityReport.map((r) => [r.participantId, r.vote]),
      [['simulated:Basil', 'approve-with-reservations']],
    );
    assert.match(result.minorityReport[0]!.reasons[0]!, /breaking change/);
    assert.match(result.product ?? '', /throw new RangeError/);
    assert.match(result.product ?? '', /Number\.isFinite/);
  });

  it('critiques name what is really in the reviewed proposal', async () => {
    const { events } = await demoRun();
    const drafts = new Map(
      events.flatMap((e) =>
        e.type === 'proposal' && e.proposal.phase === 'draft'
          ? [[e.proposal.participantId, e.proposal.product] as const]
          : [],
      ),
    );
    const firstRound = events.flatMap((e) =>
      e.type === 'review-done' && e.report.round === 1 ? e.report.reviews : [],
    );
    assert.equal(firstRound.length, 6);
    for (const review of firstRound) {
      const product = drafts.get(review.authorId)!;
      for (const point of review.critique) {
        if (point.startsWith('Returns 0')) assert.match(product, /return 0;/);
        if (point.startsWith('Returns NaN')) assert.match(product, /Number\.NaN/);
        if (point.startsWith('Throws on an empty list'))
          assert.match(product, /throw new RangeError\('average/);
        if (point.startsWith('Accepts NaN and Infinity')) assert.doesNotMatch(product, /isFinite/);
      }
    }
    assert.ok(new Set(firstRound.map((r) => r.score)).size > 1, 'scores differ in round 1');
  });

  it('a participant concedes in round 2, answering the critique it accepted', async () => {
    const { events } = await demoRun();
    const merges = events.flatMap((e) =>
      e.type === 'proposal' && e.proposal.phase === 'merge' && e.proposal.round === 2
        ? [e.proposal]
        : [],
    );
    const cleo = merges.find((p) => p.participantId === 'simulated:Cleo')!;
    assert.match(cleo.rationale, /^Conceded/);
    assert.ok(cleo.critiqueResponse?.some((item) => item.startsWith('Accepted: Returns NaN')));
    const round1Cleo = events.find(
      (e) =>
        e.type === 'proposal' &&
        e.proposal.phase === 'merge' &&
        e.proposal.round === 1 &&
        e.proposal.participantId === 'simulated:Cleo',
    );
    assert.ok(
      round1Cleo?.type === 'proposal' && round1Cleo.proposal.product.includes('Number.NaN'),
    );
    assert.ok(!cleo.product.includes('Number.NaN'));
  });

  it('debates any other task the same way (text run)', async () => {
    const { result } = await demoRun(false);
    assert.equal(result.converged, true);
    assert.equal(result.minorityReport.length, 1);
  });

  it('stops at once when the run is cancelled mid-stream', async () => {
    const controller = new AbortController();
    const model = createSimulatedModel('Ada', { pace: 1 });
    const pending = model.generate({
      system: '',
      messages: [{ role: 'user', content: 'hello' }],
      jsonSchema: { name: 'draft', schema: {} },
      signal: controller.signal,
    });
    controller.abort();
    await assert.rejects(pending, (error: { kind?: string }) => error.kind === 'cancelled');
  });
});
