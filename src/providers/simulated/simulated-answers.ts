/**
 * The answer of a simulated member to each phase, built from the input document of the
 * engine's prompt (src/core/consensus-prompts.ts) and the member's stance at that stage.
 */
import { reviewOf, aspectOfCritique } from './debate-critique';
import { readStance, renderDemoCode, renderGeneric, stanceAt, type Stance } from './debate-stance';
import type { SimulatedInput } from './read-simulated-input';
import type { SimulatedMember } from './simulated-provider';

const RATIONALE: Record<SimulatedMember, readonly string[]> = {
  Ada: [
    'An empty list has no mean: failing loudly where the bug is beats a plausible-looking 0. Non-finite values are rejected so one bad reading cannot poison the result.',
    'Kept the RangeError for an empty list; took the running mean from the overflow critique and `readonly` from the compatibility critique.',
    'Unchanged: the critiques of this version asked for nothing it does not already do.',
  ],
  Basil: [
    'Smallest safe change: existing callers keep getting 0 for an empty list, exactly as today, and read-only arrays are accepted.',
    'Took the running mean; kept 0 for an empty list, because throwing would break the callers that rely on it.',
    'Conceded the RangeError and the non-finite check: two reviewers showed that a silent 0 hides bugs. A comment flags the breaking change.',
  ],
  Cleo: [
    'NaN is the IEEE answer for an undefined mean, and a running mean cannot overflow where a plain sum can (1e308 + 1e308).',
    'Took the non-finite check; kept NaN for an empty list.',
    'Conceded: an empty list now throws instead of returning NaN, since NaN passes silently through clamp().',
  ],
};

const STRICTNESS: Record<SimulatedMember, number> = { Ada: 0, Basil: 1, Cleo: 0 };

export function productFor(stance: Stance, input: SimulatedInput): string {
  const selection = input.selection;
  if (selection?.includes('function average(')) return renderDemoCode(stance);
  const base = selection ?? `Answer to: ${input.task.split('\n')[0]?.trim() || 'the task'}`;
  return renderGeneric(stance, base, selection !== undefined);
}

export function draftAnswer(member: SimulatedMember, input: SimulatedInput) {
  return { product: productFor(stanceAt(member, 0), input), rationale: RATIONALE[member][0]! };
}

/** Round r's review: the reviewer's position is its proposal of the stage before. */
export function reviewAnswer(member: SimulatedMember, round: number, input: SimulatedInput) {
  const wanted = stanceAt(member, round - 1);
  const reviews = input.proposals.map((proposal) => ({
    label: proposal.label,
    ...reviewOf(readStance(proposal.product), wanted, STRICTNESS[member]),
  }));
  const rooms = reviews.map((review) => review.room);
  const improvementRoom = rooms.includes('major')
    ? 'major'
    : rooms.includes('minor')
      ? 'minor'
      : 'none';
  return {
    reviews: Object.fromEntries(reviews.map(({ label, room: _room, ...entry }) => [label, entry])),
    improvementRoom,
  };
}

/** Round r's merge: the stance of stage r, answering each critique of its own proposal. */
export function mergeAnswer(member: SimulatedMember, round: number, input: SimulatedInput) {
  const before = stanceAt(member, round - 1);
  const after = stanceAt(member, round);
  const own = input.reviews.filter((review) => review.of === input.ownLabel);
  const responses = own.flatMap((review) =>
    review.critique.map((point) => {
      const aspect = aspectOfCritique(point);
      if (!aspect) return `Noted: ${point}`;
      return before[aspect] !== after[aspect]
        ? `Accepted: ${point}`
        : `Rejected: ${point} My position stands for this round.`;
    }),
  );
  return {
    product: productFor(after, input),
    rationale: RATIONALE[member][Math.min(round, 2)]!,
    critiqueResponse: [...new Set(responses)],
  };
}

export function finalAnswer(member: SimulatedMember, input: SimulatedInput) {
  return {
    product: productFor(stanceAt(member, 3), input),
    rationale:
      member === 'Basil'
        ? 'The version the council agreed on; the breaking-change note moves from the code to the release notes.'
        : 'The version the merged proposals agree on, without new ideas.',
  };
}

export function ratificationAnswer(member: SimulatedMember) {
  if (member === 'Basil') {
    return {
      vote: 'approve-with-reservations',
      reasons: [
        'Throwing on an empty list is a breaking change for callers that relied on 0: the release notes must say so.',
      ],
    };
  }
  return {
    vote: 'approve',
    reasons: ['Fails loudly on an empty list and on non-finite values, and cannot overflow.'],
  };
}

export function voteAnswer(member: SimulatedMember, input: SimulatedInput) {
  const yes = member !== 'Cleo';
  return {
    answer: yes ? 'Yes' : 'No',
    reasoning: `A scripted answer to "${input.task.slice(0, 80)}"; this voter is simulated.`,
  };
}

export function clustersAnswer(input: SimulatedInput) {
  const clusters = new Map<string, string[]>();
  for (const answer of input.answers) {
    const key = answer.answer.trim().toLowerCase();
    clusters.set(key, [...(clusters.get(key) ?? []), answer.label]);
  }
  return {
    clusters: [...clusters].map(([answer, members]) => ({ answer, members })),
  };
}
