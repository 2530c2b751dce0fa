/**
 * What a simulated reviewer says about one proposal: one critique point and one suggestion per
 * real difference between the proposal's text and the reviewer's own position, a score that
 * falls with each difference, and how much room for improvement that leaves.
 */
import type { Aspect, Stance } from './debate-stance';

const CRITIQUE: Record<string, string> = {
  'empty:zero':
    'Returns 0 for an empty list, so `average([])` cannot be told apart from a real mean of 0.',
  'empty:nan':
    'Returns NaN for an empty list; NaN passes silently through `clamp()` and every comparison.',
  'empty:throw': 'Throws on an empty list: every caller that relied on getting 0 breaks.',
  'finite:false': 'Accepts NaN and Infinity silently: one bad reading poisons the whole mean.',
  'finite:true':
    'Checks every value with `Number.isFinite`: the contract grows for a case no caller has reported.',
  'stable:false': 'Sums first, so large values overflow: `average([1e308, 1e308])` is Infinity.',
  'stable:true': 'The running mean is harder to read than `sum / length`.',
  'readonly:false': 'Takes `number[]`, so a caller holding a `readonly number[]` cannot pass it.',
  'note:true': 'Keeps a "Breaking change" comment in the code; that belongs in the release notes.',
};

const SUGGESTION: Record<string, string> = {
  'empty:throw': 'Throw a `RangeError` for an empty list.',
  'empty:zero': 'Keep returning 0 for an empty list.',
  'empty:nan': 'Return `NaN` for an empty list (the IEEE answer for an undefined mean).',
  'finite:true': 'Reject non-finite values with a `RangeError` that names the value.',
  'finite:false': 'Drop the non-finite check.',
  'stable:true': 'Use a running mean: `mean += (value - mean) / (index + 1)`.',
  'stable:false': 'Keep `sum(values) / values.length`.',
  'readonly:true': 'Accept `readonly number[]`.',
  'note:false': 'Move the breaking-change note to the changelog.',
};

/** Differences on these aspects are serious defects (they change what callers get). */
const MAJOR: ReadonlySet<Aspect> = new Set(['empty', 'finite']);

export interface ReviewOfOne {
  score: number;
  critique: string[];
  suggestions: string[];
  majorIssues: number;
  agreementOutlook: 'agree' | 'close' | 'far';
  room: 'none' | 'minor' | 'major';
}

/** The aspects on which `shown` differs from what the reviewer wants. */
export function differences(shown: Stance, wanted: Stance): Aspect[] {
  const out: Aspect[] = [];
  if (shown.empty !== wanted.empty) out.push('empty');
  if (shown.finite !== wanted.finite) out.push('finite');
  // A reviewer argues for the running mean and readonly only when it holds them itself.
  if (shown.stable !== wanted.stable && wanted.stable) out.push('stable');
  if (!shown.readonly && wanted.readonly) out.push('readonly');
  // Nobody asks others to add a note in the code; a note shown is a (minor) point.
  if (shown.note && !wanted.note) out.push('note');
  return out;
}

export function reviewOf(shown: Stance, wanted: Stance, strictness: number): ReviewOfOne {
  const diffs = differences(shown, wanted);
  const penalty = diffs.reduce(
    (sum, aspect) => sum + (MAJOR.has(aspect) ? 2 : aspect === 'note' ? 0 : 1),
    0,
  );
  const major = diffs.filter((aspect) => MAJOR.has(aspect)).length;
  return {
    score: Math.max(3, 9 - strictness - penalty),
    critique: diffs.length
      ? diffs.map((aspect) => CRITIQUE[`${aspect}:${String(shown[aspect])}`]!)
      : ['Solves the task as I would; nothing left to fix.'],
    suggestions: diffs.map((aspect) => SUGGESTION[`${aspect}:${String(wanted[aspect])}`]!),
    majorIssues: major,
    agreementOutlook: penalty === 0 ? 'agree' : penalty <= 1 ? 'close' : 'far',
    room: major > 0 ? 'major' : diffs.length > 0 ? 'minor' : 'none',
  };
}

/** The aspect a critique point is about, when it is one of ours (peers' text comes back masked). */
export function aspectOfCritique(point: string): Aspect | undefined {
  const key = Object.entries(CRITIQUE).find(([, text]) => text === point.trim())?.[0];
  return key?.split(':')[0] as Aspect | undefined;
}
