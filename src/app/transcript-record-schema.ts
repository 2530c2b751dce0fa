/**
 * The shape a transcript line must have before any reader touches it. A file on disk is outside
 * input (edited by hand, written by another version, torn by a crash, planted in a workspace):
 * a line that does not fit is skipped, never dereferenced. Only the fields readers use are
 * checked; other fields pass through unchanged (loose objects).
 */
import { z } from 'zod';
import type { TranscriptRecord } from '../core/transcript-record';

const text = z.string();
const count = z.number().finite();
const error = z.looseObject({ message: text, hint: text.optional(), kind: text.optional() });
const participant = z.looseObject({ id: text, displayName: text, provider: text, model: text });
const usage = z.looseObject({ inputTokens: count, outputTokens: count });
const cost = z.looseObject({ calls: count, costUsd: count, usage });
const points = z.array(text);
const base = { runId: text, at: count, seq: z.number().int().min(0) };

const consensusResult = z.looseObject({
  status: text,
  stopReason: text,
  roundsCompleted: count,
  converged: z.boolean(),
  minorityReport: z.array(z.looseObject({ participantId: text, vote: text, reasons: points })),
  abstentions: z.array(z.looseObject({ participantId: text, phase: text, error })),
  product: text.optional(),
  cost,
});
const voteResult = z.looseObject({
  reached: z.boolean(),
  strategy: text,
  confidence: count,
  clusteredBy: text,
  winningAnswer: text.optional(),
  dissent: z.array(z.looseObject({ participantId: text, answer: text })),
  cost,
});

const recordSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('run-started'),
    ...base,
    protocol: z.enum(['consensus', 'vote']),
    participants: z.array(participant),
    input: z.union([z.looseObject({ task: text }), z.looseObject({ question: text })]),
    // Typed for the readers that show them (round cap, thresholds); a malformed value is
    // dropped, not trusted, and the record still counts as the run's start.
    settings: z
      .looseObject({
        maxRounds: count.optional(),
        seed: count.optional(),
        thresholds: z
          .looseObject({
            maxTextDivergence: count,
            maxScoreSpread: count,
            maxImprovementRoom: z.enum(['none', 'minor', 'major']),
          })
          .optional(),
      })
      .optional()
      .catch(undefined),
    host: z
      .looseObject({
        origin: z.enum(['panel', 'command', 'mcp', 'cli']),
        pid: count,
        instance: text,
      })
      .optional()
      .catch(undefined),
  }),
  z.looseObject({ type: z.literal('phase-started'), ...base, phase: text, round: count }),
  z.looseObject({
    type: z.literal('call-started'),
    ...base,
    callId: text,
    participantId: text,
    system: text,
    messages: z.array(z.looseObject({ role: text, content: text })),
  }),
  z.looseObject({
    type: z.literal('call-finished'),
    ...base,
    callId: text,
    participantId: text,
    text,
  }),
  z.looseObject({ type: z.literal('call-failed'), ...base, participantId: text, error }),
  z.looseObject({
    type: z.literal('proposal'),
    ...base,
    proposal: z.looseObject({
      participantId: text,
      phase: text,
      product: text,
      rationale: text,
      critiqueResponse: points.optional(),
    }),
  }),
  z.looseObject({
    type: z.literal('review-done'),
    ...base,
    report: z.looseObject({
      reviewerId: text,
      improvementRoom: text,
      shuffleSeed: count,
      reviews: z.array(
        z.looseObject({
          label: text,
          authorId: text,
          score: count,
          critique: points,
          suggestions: points,
        }),
      ),
    }),
  }),
  z.looseObject({
    type: z.literal('abstained'),
    ...base,
    abstention: z.looseObject({ participantId: text, phase: text, round: count, error }),
  }),
  z.looseObject({
    type: z.literal('round-scored'),
    ...base,
    signals: z.looseObject({
      round: count,
      converged: z.boolean(),
      verdicts: z.array(z.looseObject({ condition: text, holds: z.boolean() })),
    }),
  }),
  z.looseObject({
    type: z.literal('notice'),
    ...base,
    notice: z.looseObject({ cause: text, round: count, message: text, hint: text }),
  }),
  z.looseObject({
    type: z.literal('deadlock'),
    ...base,
    round: count,
    signal: text,
    detail: text,
  }),
  z.looseObject({ type: z.literal('combined'), ...base, product: text, agreement: count }),
  z.looseObject({
    type: z.literal('ratified'),
    ...base,
    ratification: z.looseObject({ participantId: text, vote: text, reasons: points }),
  }),
  z.looseObject({ type: z.literal('vote-cast'), ...base, participantId: text, answer: text }),
  z.looseObject({
    type: z.literal('run-finished'),
    ...base,
    protocol: z.enum(['consensus', 'vote']),
    result: z.union([consensusResult, voteResult]),
  }),
  z.looseObject({ type: z.literal('run-failed'), ...base, error }),
]);

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  recordSchema.options.map((option) => option.shape.type.value),
);

/** A record type added by a later version: only the common fields are required. */
const otherRecord = z.looseObject({ type: text, ...base });

/** The record, or undefined when the value is not a record this version can read safely. */
export function validTranscriptRecord(value: unknown): TranscriptRecord | undefined {
  const type = (value as { type?: unknown } | null)?.type;
  const schema = typeof type === 'string' && KNOWN_TYPES.has(type) ? recordSchema : otherRecord;
  const parsed = schema.safeParse(value);
  // The parsed copy: fields the schema dropped as malformed (run-started settings) stay dropped.
  return parsed.success ? (parsed.data as TranscriptRecord) : undefined;
}
