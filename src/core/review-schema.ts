/**
 * The schema of one review call names exactly the labels that reviewer was shown: `reviews` is
 * an object with one required property per label (docs/PROTOCOL.md "Schemas"), so a vendor in
 * strict mode can neither skip a proposal nor invent a label. A vendor that ignores the schema
 * is still read tolerantly: an array of reviews with a `label` each, or keys such as "A",
 * "proposal a" or "Proposal A:". What stays unmatched is reported, never silently dropped.
 */
import { z } from 'zod';
import { points, type StructuredSchema } from './structured-schemas';
const OUTLOOKS = ['agree', 'close', 'far'] as const;
const ROOMS = ['none', 'minor', 'major'] as const;
export const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const reviewEntry = z.object({
  score: z.number().int().min(1).max(10),
  critique: points,
  suggestions: points,
  majorIssues: z.number().int().min(0).max(100),
  agreementOutlook: z.enum(OUTLOOKS),
});

/** What a reviewer may send: keyed by label (the schema's form) or a labelled array. */
const tolerantReview = z.object({
  reviews: z.union([
    z.array(reviewEntry.extend({ label: z.string().max(200) })).max(50),
    z
      .record(z.string().max(200), reviewEntry)
      .refine((record) => Object.keys(record).length <= 50, 'at most 50 reviews'),
  ]),
  improvementRoom: z.enum(ROOMS),
});

export type ReviewEntry = z.infer<typeof reviewEntry>;
export type ReviewCallOutput = z.infer<typeof tolerantReview>;

function entryJsonSchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      score: { type: 'integer', enum: [...SCORES] },
      critique: { type: 'array', items: { type: 'string' } },
      suggestions: { type: 'array', items: { type: 'string' } },
      majorIssues: { type: 'integer' },
      agreementOutlook: { type: 'string', enum: [...OUTLOOKS] },
    },
    required: ['score', 'critique', 'suggestions', 'majorIssues', 'agreementOutlook'],
    additionalProperties: false,
  };
}

/** The structured-output schema of one review call: one required property per shown label. */
export function reviewSchemaFor(labels: readonly string[]): StructuredSchema<ReviewCallOutput> {
  return {
    name: 'review',
    zod: tolerantReview,
    jsonSchema: {
      name: 'review',
      schema: {
        type: 'object',
        properties: {
          reviews: {
            type: 'object',
            properties: Object.fromEntries(labels.map((label) => [label, entryJsonSchema()])),
            required: [...labels],
            additionalProperties: false,
          },
          improvementRoom: { type: 'string', enum: [...ROOMS] },
        },
        required: ['reviews', 'improvementRoom'],
        additionalProperties: false,
      },
    },
  };
}

/**
 * Tolerant label matching: "Proposal A", "A", "proposal a", "Proposal A:", "(a)" all mean
 * "Proposal A" (and "answer b" means "Answer B"). Labels are "<Word> <letters>".
 */
export function matchLabel(raw: string, shown: readonly string[]): string | undefined {
  const text = raw.trim();
  const exact = shown.find((label) => label === text);
  if (exact) return exact;
  const prefix = shown[0]?.split(' ')[0] ?? 'Proposal';
  const pattern = new RegExp(`^\\W*(?:${prefix}\\W*)?([a-z]{1,2})(?![a-z])`, 'i');
  const key = pattern.exec(text)?.[1]?.toUpperCase();
  if (!key) return undefined;
  return shown.find((label) => label.slice(label.indexOf(' ') + 1) === key);
}

export interface MatchedReviews {
  /** shown label -> the entry for it (the first one when a label came twice). */
  byLabel: Map<string, ReviewEntry>;
  /** Shown labels with no review. */
  missing: string[];
  /** How many entries named no shown label (their keys are model text: never quoted). */
  unmatched: number;
}

export function matchReviews(output: ReviewCallOutput, shown: readonly string[]): MatchedReviews {
  const entries: [string, ReviewEntry][] = Array.isArray(output.reviews)
    ? output.reviews.map(({ label, ...entry }) => [label, entry])
    : Object.entries(output.reviews);
  const byLabel = new Map<string, ReviewEntry>();
  let unmatched = 0;
  for (const [raw, entry] of entries) {
    const label = matchLabel(raw, shown);
    if (!label) unmatched += 1;
    else if (!byLabel.has(label)) byLabel.set(label, entry);
  }
  return { byLabel, missing: shown.filter((label) => !byLabel.has(label)), unmatched };
}

/** The problem a repair re-ask names: only our own labels, never a model-chosen key. */
export function describeMissingReviews(missing: readonly string[]): string {
  return `reviews are missing for ${missing.join(', ')}. Give one entry in "reviews" for every label shown, keyed by the label exactly as given.`;
}
