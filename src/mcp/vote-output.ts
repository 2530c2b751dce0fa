/** The quick vote's result as consensus_vote returns it (seed 003). */
import { z } from 'zod';
import type { VoteResult } from '../core/vote-types';
import { costOutputSchema, describeCost, toCostOutput } from './cost-output';
import { participantOutputSchema, toParticipantOutput } from './participant-output';
import { errorText } from './error-text';
import { TRANSCRIPT_INCOMPLETE_NOTE } from './transcript-incomplete-note';

export const voteOutputShape = {
  taskId: z.string(),
  reached: z.boolean().describe("Whether the strategy's threshold was met."),
  strategy: z.enum(['majority', 'supermajority', 'unanimous']),
  winningAnswer: z.string().optional(),
  confidence: z.number().describe('agreeing / responding, 0..1.'),
  agreeing: z.array(z.string()),
  responding: z.number(),
  clusters: z.array(z.object({ answer: z.string(), participantIds: z.array(z.string()) })),
  dissent: z.array(z.object({ participantId: z.string(), answer: z.string() })),
  failed: z.array(
    z.object({ participantId: z.string(), error: z.string(), hint: z.string().optional() }),
  ),
  clusteredBy: z.enum(['model', 'local-similarity']),
  judge: participantOutputSchema.optional(),
  participants: z.array(participantOutputSchema),
  cost: costOutputSchema,
  error: z.object({ message: z.string(), hint: z.string().optional() }).optional(),
  transcriptIncomplete: z
    .boolean()
    .optional()
    .describe('true when some records of the run could not be written to its transcript.'),
};
export const voteOutputSchema = z.object(voteOutputShape);
export type VoteOutput = z.infer<typeof voteOutputSchema>;

export function toVoteOutput(result: VoteResult): VoteOutput {
  return {
    taskId: result.runId,
    reached: result.reached,
    strategy: result.strategy,
    ...(result.winningAnswer !== undefined ? { winningAnswer: result.winningAnswer } : {}),
    confidence: result.confidence,
    agreeing: [...result.agreeing],
    responding: result.responding,
    clusters: result.clusters.map((c) => ({
      answer: c.answer,
      participantIds: [...c.participantIds],
    })),
    dissent: result.dissent.map((d) => ({ participantId: d.participantId, answer: d.answer })),
    failed: result.failed.map((f) => ({
      participantId: f.participantId,
      error: `${f.error.kind}: ${f.error.message}`,
      ...(f.error.hint !== undefined ? { hint: f.error.hint } : {}),
    })),
    clusteredBy: result.clusteredBy,
    ...(result.judge ? { judge: toParticipantOutput(result.judge) } : {}),
    participants: result.participants.map(toParticipantOutput),
    cost: toCostOutput(result.cost),
    ...(result.error ? { error: { ...result.error } } : {}),
    ...(result.transcriptIncomplete ? { transcriptIncomplete: true } : {}),
  };
}

export function describeVote(result: VoteResult): string {
  const lines: string[] = [];
  if (result.reached) {
    lines.push(
      `The vote reached a ${result.strategy}: ${result.agreeing.length} of ${result.responding} responding participants agree (confidence ${result.confidence.toFixed(2)}).`,
    );
    lines.push(`Winning answer: ${result.winningAnswer ?? '(none)'}`);
  } else {
    lines.push(
      `No ${result.strategy} was reached (${result.agreeing.length} of ${result.responding} agree, confidence ${result.confidence.toFixed(2)}); the answers are split into ${result.clusters.length} group(s).`,
    );
  }
  if (result.error) lines.push(`Error: ${errorText(result.error)}`);
  if (result.transcriptIncomplete) lines.push(TRANSCRIPT_INCOMPLETE_NOTE);
  for (const d of result.dissent) lines.push(`Dissent from ${d.participantId}: ${d.answer}`);
  for (const f of result.failed) {
    lines.push(`${f.participantId} did not answer: ${errorText(f.error)}`);
  }
  if (result.judgeFallbackReason)
    lines.push(`Answers were grouped locally: ${result.judgeFallbackReason}`);
  lines.push(`Cost: ${describeCost(result.cost)}.`);
  lines.push(
    result.reached
      ? 'Next: use the winning answer; for a product that needs drafting and review rather than a poll, call run_consensus_task.'
      : 'Next: ask a narrower question with consensus_vote, try strategy "majority", or let the council work it out with run_consensus_task.',
  );
  return lines.join('\n');
}
