/**
 * The structured outputs of every phase (CONTRACTS: schema names and fields are shared with the
 * fake vendor server's simulated council). Every field is required and objects are closed, so
 * the JSON schemas satisfy OpenAI's strict mode, the strictest of the vendors' JSON-schema modes.
 */
import { z } from 'zod';
import type { JsonSchemaFormat } from './language-model';
import { describeJsonSyntaxError, describeSchemaIssues } from './describe-validation-error';

const text = z.string().max(400_000);
const points = z.array(z.string().max(20_000)).max(50);

export const draftSchema = z.strictObject({ product: text, rationale: text });

export const mergeSchema = z.strictObject({
  product: text,
  rationale: text,
  critiqueResponse: points,
});

export const finalSchema = z.strictObject({ product: text, rationale: text });

export const reviewSchema = z.strictObject({
  reviews: z
    .array(
      z.strictObject({
        label: z.string().max(100),
        score: z.number().int().min(1).max(10),
        critique: points,
        suggestions: points,
        majorIssues: z.number().int().min(0).max(100),
        agreementOutlook: z.enum(['agree', 'close', 'far']),
      }),
    )
    .max(20),
  improvementRoom: z.enum(['none', 'minor', 'major']),
});

export const ratificationSchema = z.strictObject({
  vote: z.enum(['approve', 'approve-with-reservations', 'object']),
  reasons: points,
});

export const voteAnswerSchema = z.strictObject({ answer: text, reasoning: text });

export const voteClustersSchema = z.strictObject({
  clusters: z
    .array(z.strictObject({ answer: text, members: z.array(z.string().max(100)).max(20) }))
    .max(20),
});

export type DraftOutput = z.infer<typeof draftSchema>;
export type MergeOutput = z.infer<typeof mergeSchema>;
export type ReviewOutput = z.infer<typeof reviewSchema>;
export type RatificationOutput = z.infer<typeof ratificationSchema>;
export type VoteAnswerOutput = z.infer<typeof voteAnswerSchema>;
export type VoteClustersOutput = z.infer<typeof voteClustersSchema>;

export type SchemaName =
  'draft' | 'merge' | 'final' | 'review' | 'ratification' | 'vote_answer' | 'vote_clusters';

export interface StructuredSchema<T> {
  name: SchemaName;
  zod: z.ZodType<T>;
  jsonSchema: JsonSchemaFormat;
}

function structured<T>(name: SchemaName, schema: z.ZodType<T>): StructuredSchema<T> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return {
    name,
    zod: schema,
    jsonSchema: { name, schema: stripLimits(json) as Record<string, unknown> },
  };
}

/**
 * Vendors reject some JSON-schema keywords in their structured-output modes (OpenAI strict mode:
 * maxLength/maxItems/minimum are not all supported). The limits stay in the zod check; the schema
 * sent to the model keeps only the structure.
 */
function stripLimits(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripLimits);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      [
        'maxLength',
        'minLength',
        'maxItems',
        'minItems',
        'minimum',
        'maximum',
        'exclusiveMinimum',
        'exclusiveMaximum',
        'pattern',
        'format',
      ].includes(key)
    )
      continue;
    out[key] = stripLimits(value);
  }
  return out;
}

export const SCHEMAS = {
  draft: structured('draft', draftSchema),
  merge: structured('merge', mergeSchema),
  final: structured('final', finalSchema),
  review: structured('review', reviewSchema),
  ratification: structured('ratification', ratificationSchema),
  voteAnswer: structured('vote_answer', voteAnswerSchema),
  voteClusters: structured('vote_clusters', voteClustersSchema),
} as const;

/** Parses model text as JSON (tolerating a ```json fence) and validates it. */
export function parseStructured<T>(
  schema: StructuredSchema<T>,
  text: string,
): { ok: true; value: T } | { ok: false; error: string } {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, error: describeJsonSyntaxError(trimmed, error) };
  }
  const parsed = schema.zod.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: describeSchemaIssues(parsed.error.issues) };
}
