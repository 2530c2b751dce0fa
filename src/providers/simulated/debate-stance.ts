/**
 * What each simulated member stands for at each stage of the debate, and the product text a
 * stance becomes. Reviews read the stance back from the text they are shown, so a critique
 * always names a difference that is really in the proposal.
 */
import type { SimulatedMember } from './simulated-provider';

export type EmptyListRule = 'throw' | 'zero' | 'nan';

export interface Stance {
  empty: EmptyListRule;
  /** Rejects NaN and ±Infinity. */
  finite: boolean;
  /** A running mean (no overflow) instead of sum / length. */
  stable: boolean;
  readonly: boolean;
  /** A "breaking change" comment in the code. */
  note: boolean;
}

const s = (empty: EmptyListRule, finite: boolean, stable: boolean, ro: boolean, note = false) =>
  ({ empty, finite, stable, readonly: ro, note }) satisfies Stance;

/** Stage 0 = draft, 1 = round 1's merge, 2 = round 2's merge (and later), 3 = final. */
const STANCES: Record<SimulatedMember, readonly Stance[]> = {
  Ada: [s('throw', true, false, false), s('throw', true, true, true), s('throw', true, true, true)],
  Basil: [
    s('zero', false, false, true),
    s('zero', false, true, true),
    // Round 2: concedes the RangeError and the check, and flags the breaking change in code.
    s('throw', true, true, true, true),
  ],
  Cleo: [
    s('nan', false, true, true),
    s('nan', true, true, true),
    // Round 2: concedes the RangeError (NaN would pass silently through clamp()).
    s('throw', true, true, true),
  ],
};

export const AGREED: Stance = s('throw', true, true, true);

export function stanceAt(member: SimulatedMember, stage: number): Stance {
  if (stage >= 3) return AGREED;
  const stages = STANCES[member];
  return stages[Math.min(stage, stages.length - 1)]!;
}

export type Aspect = keyof Stance;
export const ASPECTS: readonly Aspect[] = ['empty', 'finite', 'stable', 'readonly', 'note'];

/** The demo's code for a stance (the sample's average()). */
export function renderDemoCode(stance: Stance): string {
  const doc = ['/**', ' * The arithmetic mean of `values`.'];
  if (stance.empty === 'throw') doc.push(' * @throws {RangeError} when `values` is empty.');
  if (stance.empty === 'zero') doc.push(' * Returns 0 for an empty list (callers rely on it).');
  if (stance.empty === 'nan') doc.push(' * Returns NaN for an empty list (no mean exists).');
  if (stance.finite) doc.push(' * @throws {RangeError} when a value is NaN or infinite.');
  doc.push(' */');
  const lines = [
    ...doc,
    `export function average(values: ${stance.readonly ? 'readonly ' : ''}number[]): number {`,
  ];
  if (stance.note) lines.push('  // Breaking change: an empty list used to return 0.');
  const guard = {
    throw: "throw new RangeError('average() needs at least one value');",
    zero: 'return 0;',
    nan: 'return Number.NaN;',
  }[stance.empty];
  lines.push(`  if (values.length === 0) ${guard}`);
  const check = [
    '    if (!Number.isFinite(value)) {',
    '      throw new RangeError(`average(): ${value} is not a finite number`);',
    '    }',
  ];
  if (stance.stable) {
    lines.push('  let mean = 0;', '  values.forEach((value, index) => {');
    if (stance.finite) lines.push(...check);
    lines.push('    mean += (value - mean) / (index + 1);', '  });', '  return mean;');
  } else {
    if (stance.finite) lines.push('  for (const value of values) {', ...check, '  }');
    lines.push('  return sum(values) / values.length;');
  }
  lines.push('}');
  return lines.join('\n');
}

/** Any other task: the same positions, written as short notes on the task's own material. */
const GENERIC_NOTES = {
  throw: 'Edge cases: invalid or empty input fails loudly, with an error naming it.',
  zero: 'Edge cases: empty input keeps today’s behaviour, so no caller breaks.',
  nan: 'Edge cases: empty input gives a neutral "no value" result instead of an error.',
  finite: 'Every input value is validated before it is used.',
  stable: 'Large inputs are handled without overflow or loss of precision.',
  readonly: 'The public interface accepts read-only inputs and stays compatible.',
  note: 'Breaking change: callers that relied on the old edge-case behaviour must be told.',
} as const;

export function renderGeneric(stance: Stance, base: string, code: boolean): string {
  const notes: string[] = [GENERIC_NOTES[stance.empty]];
  if (stance.finite) notes.push(GENERIC_NOTES.finite);
  if (stance.stable) notes.push(GENERIC_NOTES.stable);
  if (stance.readonly) notes.push(GENERIC_NOTES.readonly);
  if (stance.note) notes.push(GENERIC_NOTES.note);
  if (code) return `${notes.map((note) => `// ${note}`).join('\n')}\n${base}`;
  return `${base}\n\n${notes.map((note) => `- ${note}`).join('\n')}`;
}

/** The stance a product text shows (demo code or generic notes). */
export function readStance(product: string): Stance {
  const has = (...needles: string[]) => needles.some((needle) => product.includes(needle));
  const empty: EmptyListRule = has('needs at least one value', GENERIC_NOTES.throw)
    ? 'throw'
    : has('return Number.NaN', GENERIC_NOTES.nan)
      ? 'nan'
      : 'zero';
  return {
    empty,
    finite: has('Number.isFinite', GENERIC_NOTES.finite),
    stable: has('mean += ', GENERIC_NOTES.stable),
    readonly: has('readonly number[]', GENERIC_NOTES.readonly),
    note: has('Breaking change', GENERIC_NOTES.note),
  };
}
