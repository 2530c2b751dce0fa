/**
 * The Markdown export of a run's transcript: readable by a person, complete enough to audit.
 * Every field a model, a vendor or a setting wrote is a code span or a fenced block
 * (markdown-literal.ts), so rendering the export fetches nothing and runs nothing.
 */
import type { ConsensusResult, Proposal, ReviewerReport, RoundSignals } from './consensus-types';
import { fencedLiteral as fence, inlineLiteral as literal } from './markdown-literal';
import { noUsableReviewsStopText } from './run-notices';
import type { TranscriptRecord } from './transcript-record';
import type { VoteResult } from './vote-types';

export function transcriptToMarkdown(records: TranscriptRecord[]): string {
  const lines: string[] = [];
  const names = new Map<string, string>();
  const name = (id: string) => literal(names.get(id) ?? id);
  for (const record of records) {
    if (record.type === 'run-started') {
      for (const participant of record.participants)
        names.set(participant.id, participant.displayName);
      lines.push(...startSection(record));
    } else lines.push(...recordLines(record, name));
  }
  // A run-failed record ends a failed run in transcripts written before run-finished was the one end.
  if (!records.some((record) => record.type === 'run-finished' || record.type === 'run-failed')) {
    lines.push(
      '',
      '> No result: the run was interrupted (or is still running). Every call that finished is above.',
    );
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

type Name = (id: string) => string;

function startSection(record: Extract<TranscriptRecord, { type: 'run-started' }>): string[] {
  const task = 'task' in record.input ? record.input.task : record.input.question;
  return [
    `# ${record.protocol === 'vote' ? 'Vote' : 'Consensus run'} ${literal(record.runId)}`,
    '',
    `Started ${iso(record.at)}.`,
    '',
    '## Task',
    '',
    fence(task),
    '',
    '## Participants',
    '',
    ...record.participants.map(
      (participant) =>
        `- ${literal(participant.displayName)} (${literal(`${participant.provider}:${participant.model}`)})${participant.persona ? ` — persona ${literal(participant.persona.name)}` : ''}`,
    ),
    '',
    `Settings: ${literal(JSON.stringify(record.settings ?? {}))}`,
    ...(record.host ? [`Host: ${literal(JSON.stringify(record.host))}`] : []),
    '',
  ];
}

function recordLines(record: TranscriptRecord, name: Name): string[] {
  switch (record.type) {
    case 'phase-started':
      return [`## Round ${Number(record.round)} — ${literal(record.phase)}`, ''];
    case 'proposal':
      return proposalLines(record.proposal, name);
    case 'review-done':
      return reviewLines(record.report, name);
    case 'round-scored':
      return signalLines(record.signals);
    case 'abstained':
      return [
        `> ${name(record.abstention.participantId)} abstained from ${literal(record.abstention.phase)} (round ${Number(record.abstention.round)}): ${literal(record.abstention.error.message)}`,
        '',
      ];
    case 'notice':
      return [
        `> Notice, round ${Number(record.notice.round)} (${literal(record.notice.cause)}): ${literal(record.notice.message)} ${literal(record.notice.hint)}`,
        '',
      ];
    case 'deadlock':
      return [
        `> Deadlock in round ${Number(record.round)}: ${literal(record.signal)} — ${literal(record.detail)}`,
        '',
      ];
    case 'combined':
      return [
        '## Combined product',
        '',
        fence(record.product),
        '',
        `Agreement: ${(Number(record.agreement) * 100).toFixed(0)}% of lines.`,
        '',
      ];
    case 'ratified':
      return [
        `- ${name(record.ratification.participantId)}: **${literal(record.ratification.vote)}**${record.ratification.reasons.length ? ` — ${record.ratification.reasons.map(literal).join('; ')}` : ''}`,
      ];
    case 'vote-cast':
      return [`- ${name(record.participantId)}:`, '', fence(record.answer), ''];
    case 'run-failed':
      return [
        '',
        `> The run failed: ${literal(record.error.message)}${record.error.hint ? ` (${literal(record.error.hint)})` : ''}`,
        '',
      ];
    case 'run-finished':
      return ['', ...resultSection(record.result, name)];
    default:
      return [];
  }
}

function proposalLines(proposal: Proposal, name: Name): string[] {
  const lines = [
    `### ${literal(capitalise(proposal.phase))} by ${name(proposal.participantId)}`,
    '',
    fence(proposal.product),
    '',
    'Rationale:',
    '',
    fence(proposal.rationale),
    '',
  ];
  if (proposal.critiqueResponse?.length)
    lines.push(
      'Critique response:',
      '',
      ...proposal.critiqueResponse.map((point) => `- ${literal(point)}`),
      '',
    );
  return lines;
}

function reviewLines(report: ReviewerReport, name: Name): string[] {
  const lines = [
    `### Review by ${name(report.reviewerId)} (room for improvement: ${literal(report.improvementRoom)}; shuffle seed ${Number(report.shuffleSeed)})`,
    '',
  ];
  for (const review of report.reviews) {
    lines.push(
      `- ${literal(review.label)} (${name(review.authorId)}): score ${Number(review.score)}, outlook ${literal(review.agreementOutlook)}, major issues ${Number(review.majorIssues)}`,
    );
    for (const point of review.critique) lines.push(`  - critique: ${literal(point)}`);
    for (const point of review.suggestions) lines.push(`  - suggestion: ${literal(point)}`);
  }
  const missing = Array.isArray(report.missingLabels) ? report.missingLabels : [];
  if (missing.length > 0)
    lines.push(
      `- not reviewed, even after the repair re-ask: ${missing.map(String).map(literal).join(', ')}`,
    );
  if (Number(report.unmatchedReviews) > 0)
    lines.push(
      `- reviews naming no shown proposal (not counted): ${Number(report.unmatchedReviews)}`,
    );
  lines.push('');
  return lines;
}

function signalLines(signals: RoundSignals): string[] {
  return [
    `### Round ${Number(signals.round)} scored: ${signals.converged ? 'converged' : 'not converged'}`,
    '',
    '| condition | value | threshold | holds |',
    '|---|---|---|---|',
    ...signals.verdicts.map(
      (verdict) =>
        `| ${tableCell(verdict.condition)} | ${tableCell(verdict.value)} | ${tableCell(verdict.threshold)} | ${verdict.holds ? 'yes' : 'no'} |`,
    ),
    '',
  ];
}

/** A number as itself; anything else ("unknown", "≤ minor") as a literal, pipes escaped. */
function tableCell(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return literal(String(value)).replace(/\|/g, '\\|');
}

function resultSection(result: ConsensusResult | VoteResult, name: Name): string[] {
  const lines = ['## Result', ''];
  if ('status' in result) {
    lines.push(
      `Status: **${literal(result.status)}** (${literal(result.stopReason)}); rounds: ${Number(result.roundsCompleted)}; converged: ${result.converged ? 'yes' : 'no'}${result.singleVendor ? '; single-vendor' : ''}.`,
      '',
    );
    if (result.stopReason === 'no-usable-reviews')
      lines.push(noUsableReviewsStopText(result.notices ?? []), '');
    if (result.product !== undefined) lines.push(fence(result.product), '');
    if (result.minorityReport.length > 0) {
      lines.push('### Minority report', '');
      for (const entry of result.minorityReport)
        lines.push(
          `- ${name(entry.participantId)} (${literal(entry.vote)}): ${entry.reasons.map(literal).join('; ')}`,
        );
      lines.push('');
    }
    for (const entry of result.abstentions)
      lines.push(
        `- ${name(entry.participantId)} abstained (${literal(entry.phase)}): ${literal(entry.error.message)}`,
      );
  } else {
    lines.push(
      `Reached: **${result.reached ? 'yes' : 'no'}** (${literal(result.strategy)}); confidence ${(Number(result.confidence) * 100).toFixed(0)}%; clustered by ${literal(result.clusteredBy)}.`,
      '',
    );
    if (result.winningAnswer) lines.push('Winning answer:', '', fence(result.winningAnswer), '');
    for (const dissent of result.dissent)
      lines.push(`- dissent from ${name(dissent.participantId)}:`, '', fence(dissent.answer), '');
  }
  lines.push(
    '',
    `Cost: ${Number(result.cost.calls)} calls, ${Number(result.cost.usage.inputTokens)} input / ${Number(result.cost.usage.outputTokens)} output tokens, $${Number(result.cost.costUsd).toFixed(4)}${result.cost.unpricedCalls ? ` (+${Number(result.cost.unpricedCalls)} unpriced calls)` : ''}.`,
  );
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
