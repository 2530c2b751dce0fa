/**
 * Reasoning effort per participant (`multiLlm.participants[].effort`, or `provider:model@high`).
 * The levels are the union of the vendors' own words; each adapter maps them to its vendor's
 * field (src/providers/*\/convert-to-*-input.ts) and leaves out what a model would reject.
 */
export const REASONING_EFFORTS = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
] as const;

export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export function isReasoningEffort(value: unknown): value is ReasoningEffort {
  return typeof value === 'string' && (REASONING_EFFORTS as readonly string[]).includes(value);
}

/**
 * "gpt-6.2-sol@high" -> { model: "gpt-6.2-sol", effort: "high" }. Only a known level after the
 * last '@' counts, so a model id that itself contains '@' (e.g. a dated Vertex id) stays whole.
 */
export function splitEffort(model: string): { model: string; effort?: ReasoningEffort } {
  const at = model.lastIndexOf('@');
  if (at <= 0) return { model };
  const suffix = model
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return isReasoningEffort(suffix)
    ? { model: model.slice(0, at).trim(), effort: suffix }
    : { model };
}
