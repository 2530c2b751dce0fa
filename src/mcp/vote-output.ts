/** The quick vote's result as consensus_vote returns it (seed 003). */
import { z } from 'zod';
import type { VoteResult } from '../core/vote-types';
import { costPointerSchema, describeCost } from './cost-output';
import { participantOutputSchema } from './participant-output';
import { briefly, echoOfInput, elsewhere, failureOutputSchema, outputOf } from './output-schema';
import { runOutputFields, runOutputValues, toFailureOutput } from './run-output-fields';
import { errorText } from './error-text';
import { TRANSCRIPT_INCOMPLETE_NOTE } from './transcript-incomplete-note';

const participant = elsewhere(participantOutputSchema, 'list_participants');

export const voteOutputSchema = z.object({
  ...runOutputFields,
  cost: costPointerSchema,
  reached: z.boolean(),
  strategy: echoOfInput(z.enum(['majority', 'supermajority', 'unanimous'])),
  winningAnswer: z.string().optional(),
  confidence: z.number().describe('agreeing / responding.'),
  agreeing: z.array(z.string()),
  responding: z.number(),
  clusters: briefly(z.array(z.object({ answer: z.string(), participantIds: z.array(z.string()) }))),
  dissent: briefly(z.array(z.object({ participantId: z.string(), answer: z.string() }))),
  failed: briefly(z.array(failureOutputSchema)),
  clusteredBy: z.enum(['model', 'local-similarity']),
  judge: participant.optional(),
  participants: elsewhere(z.array(participantOutputSchema), 'list_participants'),
});
export type VoteOutput = z.infer<typeof voteOutputSchema>;

export function toVoteOutput(result: VoteResult): VoteOutput {
  return outputOf(voteOutputSchema, {
    ...result,
    ...runOutputValues(result),
    failed: result.failed.map(toFailureOutput),
  });
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
