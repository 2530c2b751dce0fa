/**
 * A consensus run's result as the tools return it (seed 002): the structured part here, and the
 * opening text an LLM reads first (what happened, what it means, what to call next).
 */
import { z } from 'zod';
import type { ConsensusResult } from '../core/consensus-types';
import { noUsableReviewsStopText } from '../core/run-notices';
import { describeCost } from './cost-output';
import { participantOutputSchema } from './participant-output';
import { signalsOutputSchema } from './signals-output';
import { briefly, echoOfInput, elsewhere, failureOutputSchema, outputOf } from './output-schema';
import { runOutputFields, runOutputValues, toFailureOutput } from './run-output-fields';
import { finalUri, transcriptUri } from './run-resource-uris';
import { errorText } from './error-text';
import { TRANSCRIPT_INCOMPLETE_NOTE } from './transcript-incomplete-note';

export const consensusOutputSchema = z.object({
  ...runOutputFields,
  status: z.enum([
    'unanimous',
    'majority',
    'provisional',
    'deadlock',
    'budget',
    'cancelled',
    'failed',
  ]),
  stopReason: z.string(),
  converged: z.boolean(),
  roundsCompleted: z.number(),
  outputKind: echoOfInput(z.enum(['code', 'text'])),
  product: z.string().optional(),
  rationale: z.string().optional(),
  minorityReport: briefly(
    z.array(
      z.object({ participantId: z.string(), vote: z.string(), reasons: z.array(z.string()) }),
    ),
  ),
  abstentions: briefly(
    z.array(failureOutputSchema.extend({ phase: z.string(), round: z.number() })),
  ),
  notices: briefly(
    z.array(
      z.object({
        cause: z.enum(['no-usable-reviews']),
        round: z.number(),
        message: z.string(),
        hint: z.string(),
      }),
    ),
  ).optional(),
  participants: elsewhere(z.array(participantOutputSchema), 'list_participants'),
  singleVendor: z.boolean(),
  lastSignals: elsewhere(signalsOutputSchema, 'get_task_status: signals').optional(),
  transcriptUri: z.string(),
  finalUri: z.string(),
});
export type ConsensusOutput = z.infer<typeof consensusOutputSchema>;

export function toConsensusOutput(result: ConsensusResult): ConsensusOutput {
  return outputOf(consensusOutputSchema, {
    ...result,
    ...runOutputValues(result),
    abstentions: result.abstentions.map((a) => ({
      ...toFailureOutput(a),
      phase: a.phase,
      round: a.round,
    })),
    notices: result.notices && result.notices.length > 0 ? result.notices : undefined,
    lastSignals: result.signals[result.signals.length - 1],
    transcriptUri: transcriptUri(result.runId),
    finalUri: finalUri(result.runId),
  });
}

const MEANING: Record<ConsensusResult['status'], string> = {
  unanimous: "Every participant approved the combined product: it is the council's agreed answer.",
  majority:
    'A majority approved; the objections are in the minority report — read them before using the product.',
  provisional:
    'The round cap was reached without full convergence; the product is the best provisional version, not an agreement.',
  deadlock:
    'The council stopped making progress (deadlock); the product is provisional and the positions differ.',
  budget: 'The spending cap stopped the run; the product is whatever was reached so far.',
  cancelled: 'The run was cancelled; any product is incomplete.',
  failed: 'The run failed; there is no agreed product.',
};

/** What the status means when the stop reason says more than the status (docs/PROTOCOL.md). */
function meaningOf(result: ConsensusResult): string {
  if (result.stopReason === 'no-usable-reviews')
    return noUsableReviewsStopText(result.notices ?? []);
  if (result.stopReason === 'stopped')
    return 'The run was stopped on request; the product is the best proposal so far, not an agreement.';
  return MEANING[result.status];
}

/** The opening text (seed 002). Short: the product itself follows as its own content block. */
export function describeConsensus(result: ConsensusResult): string {
  const lines: string[] = [];
  const names = result.participants.map((p) => p.displayName).join(', ');
  lines.push(
    `Consensus run ${result.runId} finished with status "${result.status}" after ${result.roundsCompleted} round(s) among ${result.participants.length} participants (${names}).`,
  );
  lines.push(
    result.status === 'majority' && result.minorityReport.length === 0
      ? 'Every participant that answered approved, but not the whole council (see who dropped out below): treat it as a majority result.'
      : meaningOf(result),
  );
  if (result.error) lines.push(`Error: ${errorText(result.error)}`);
  if (result.transcriptIncomplete) lines.push(TRANSCRIPT_INCOMPLETE_NOTE);
  if (result.minorityReport.length > 0) {
    lines.push(
      `Dissent: ${result.minorityReport.map((r) => `${r.participantId} (${r.vote}): ${r.reasons.join('; ') || 'no reason given'}`).join(' | ')}`,
    );
  }
  // One line per participant that dropped out, not one per phase: the cause is usually the same.
  const byParticipant = new Map<string, ConsensusResult['abstentions']>();
  for (const a of result.abstentions) {
    byParticipant.set(a.participantId, [...(byParticipant.get(a.participantId) ?? []), a]);
  }
  for (const [participantId, list] of byParticipant) {
    const first = list[0]!;
    const where = list.map((a) => `${a.phase} r${a.round}`).join(', ');
    lines.push(`${participantId} dropped out (${where}): ${errorText(first.error)}`);
  }
  for (const notice of result.notices ?? []) lines.push(`${notice.message} ${notice.hint}`);
  if (result.singleVendor)
    lines.push('Note: all participants are from one vendor, so the agreement is less independent.');
  lines.push(`Cost: ${describeCost(result.cost)}.`);
  const next: string[] = [];
  if (result.product !== undefined && result.stopReason === 'no-usable-reviews') {
    next.push('check the unscored product below yourself before using it (no peer scored it)');
  } else if (result.product !== undefined) {
    next.push(
      result.outputKind === 'code'
        ? 'apply the product below as the replacement of the selection (show the user the diff first)'
        : 'use the product below as the answer',
    );
  }
  next.push(
    `read the debate with get_iteration_log {"taskId":"${result.runId}"} (or resource ${transcriptUri(result.runId)})`,
  );
  if (result.stopReason === 'no-usable-reviews') {
    next.push(
      're-run with run_consensus_task with other participants (models that support structured output, JSON schema); more rounds would not help',
    );
  } else if (result.status !== 'unanimous' && result.status !== 'majority') {
    next.push(
      're-run with run_consensus_task (more maxRounds, other participants, or a clearer task)',
    );
  }
  lines.push(`Next: ${next.join('; ')}.`);
  return lines.join('\n');
}
