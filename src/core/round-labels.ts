/**
 * One neutral label per author per round (docs/PROTOCOL.md "Labels"): fixed from the whole
 * participant list with a seeded shuffle before any call of the round, so a label names the same
 * proposal in every review, merge and final prompt of that round, whoever answers first. Only
 * the display order differs per reader (its own seeded shuffle, recorded with the review).
 */
import { createSeededRandom, deriveSeed, shuffled } from './seeded-random';

export interface RoundLabels {
  round: number;
  seed: number;
  /** label -> author participant id. */
  byLabel: Record<string, string>;
  /** author participant id -> label. */
  byAuthor: Record<string, string>;
}

export function labelFor(index: number): string {
  // A, B, … Z, then AA, AB, … so any council size gets distinct labels.
  let name = '';
  let rest = index;
  do {
    name = String.fromCharCode(65 + (rest % 26)) + name;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return `Proposal ${name}`;
}

export function assignRoundLabels(
  participantIds: readonly string[],
  runSeed: number,
  round: number,
): RoundLabels {
  const seed = deriveSeed(runSeed, 'labels', round);
  // Sorted first: the map depends on who is on the council, not on the configured order.
  const order = shuffled([...participantIds].sort(), createSeededRandom(seed));
  const pairs = order.map((author, index) => [labelFor(index), author] as const);
  // fromEntries defines own properties, so an id such as "__proto__" is a key like any other.
  const byLabel = Object.fromEntries(pairs);
  const byAuthor = Object.fromEntries(pairs.map(([label, author]) => [author, label]));
  return { round, seed, byLabel, byAuthor };
}

/** The order one reader sees the items in: its own seeded shuffle. */
export function displayOrder<T>(
  items: readonly T[],
  runSeed: number,
  ...parts: (string | number)[]
): { items: T[]; seed: number } {
  const seed = deriveSeed(runSeed, ...parts);
  return { items: shuffled(items, createSeededRandom(seed)), seed };
}
