/** The Markdown export of a run's transcript: readable by a person, complete enough to audit. */
import type { ConsensusResult } from './consensus-types';
import type { TranscriptRecord } from './transcript-record';
import type { VoteResult } from './vote-types';

export function transcriptToMarkdown(records: TranscriptRecord[]): string {
  const lines: string[] = [];
  const names = new Map<string, string>();
  const name = (id: string) => names.get(id) ?? id;
  for (const record of records) {
    switch (record.type) {
      case 'run-started': {
        for (const participant of record.participants)
          names.set(participant.id, participant.displayName);
        const task = 'task' in record.input ? record.input.task : record.input.question;
        lines.push(
          `# ${record.protocol === 'vote' ? 'Vote' : 'Consensus run'} ${record.runId}`,
          '',
          `Started ${iso(record.at)}.`,
          '',
          '## Task',
          '',
          fence(task),
          '',
          '## Participants',
          '',
        );
        for (const participant of record.participants)
          lines.push(
            `- ${participant.displayName} (${participant.provider}:${participant.model})${participant.persona ? ` — persona ${participant.persona.name}` : ''}`,
          );
        lines.push('', `Settings: \`${JSON.stringify(record.settings)}\``, '');
        break;
      }
      case 'phase-started':
        lines.push(`## Round ${record.round} — ${record.phase}`, '');
        break;
      case 'proposal':
        lines.push(
          `### ${capitalise(record.proposal.phase)} by ${name(record.proposal.participantId)}`,
          '',
          fence(record.proposal.product),
          '',
          `Rationale: ${record.proposal.rationale}`,
          '',
        );
        if (record.proposal.critiqueResponse?.length)
          lines.push(
            'Critique response:',
            ...record.proposal.critiqueResponse.map((point) => `- ${point}`),
            '',
          );
        break;
      case 'review-done': {
        const report = record.report;
        lines.push(
          `### Review by ${name(report.reviewerId)} (room for improvement: ${report.improvementRoom}; shuffle seed ${report.shuffleSeed})`,
          '',
        );
        for (const review of report.reviews) {
          lines.push(
            `- **${review.label}** (${name(review.authorId)}): score ${review.score}, outlook ${review.agreementOutlook}, major issues ${review.majorIssues}`,
          );
          for (const point of review.critique) lines.push(`  - critique: ${point}`);
          for (const point of review.suggestions) lines.push(`  - suggestion: ${point}`);
        }
        lines.push('');
        break;
      }
      case 'round-scored': {
        const signals = record.signals;
        lines.push(
          `### Round ${signals.round} scored: ${signals.converged ? 'converged' : 'not converged'}`,
          '',
          '| condition | value | threshold | holds |',
          '|---|---|---|---|',
        );
        for (const verdict of signals.verdicts)
          lines.push(
            `| ${verdict.condition} | ${verdict.value} | ${verdict.threshold} | ${verdict.holds ? 'yes' : 'no'} |`,
          );
        lines.push('');
        break;
      }
      case 'abstained':
        lines.push(
          `> ${name(record.abstention.participantId)} abstained from ${record.abstention.phase} (round ${record.abstention.round}): ${record.abstention.error.message}`,
          '',
        );
        break;
      case 'deadlock':
        lines.push(`> Deadlock in round ${record.round}: ${record.signal} — ${record.detail}`, '');
        break;
      case 'combined':
        lines.push(
          '## Combined product',
          '',
          fence(record.product),
          '',
          `Agreement: ${(record.agreement * 100).toFixed(0)}% of lines.`,
          '',
        );
        break;
      case 'ratified':
        lines.push(
          `- ${name(record.ratification.participantId)}: **${record.ratification.vote}**${record.ratification.reasons.length ? ` — ${record.ratification.reasons.join('; ')}` : ''}`,
        );
        break;
      case 'vote-cast':
        lines.push(`- ${name(record.participantId)}: ${record.answer}`);
        break;
      case 'run-failed':
        lines.push(
          '',
          `> The run failed: ${record.error.message}${record.error.hint ? ` (${record.error.hint})` : ''}`,
          '',
        );
        break;
      case 'run-finished':
        lines.push('', ...resultSection(record.result, name));
        break;
      default:
        break;
    }
  }
  if (!records.some((record) => record.type === 'run-finished' || record.type === 'run-failed')) {
    lines.push(
      '',
      '> No result: the run was interrupted (or is still running). Every call that finished is above.',
    );
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

function resultSection(
  result: ConsensusResult | VoteResult,
  name: (id: string) => string,
): string[] {
  const lines = ['## Result', ''];
  if ('status' in result) {
    lines.push(
      `Status: **${result.status}** (${result.stopReason}); rounds: ${result.roundsCompleted}; converged: ${result.converged ? 'yes' : 'no'}${result.singleVendor ? '; single-vendor' : ''}.`,
      '',
    );
    if (result.product !== undefined) lines.push(fence(result.product), '');
    if (result.minorityReport.length > 0) {
      lines.push('### Minority report', '');
      for (const entry of result.minorityReport)
        lines.push(`- ${name(entry.participantId)} (${entry.vote}): ${entry.reasons.join('; ')}`);
      lines.push('');
    }
    for (const entry of result.abstentions)
      lines.push(
        `- ${name(entry.participantId)} abstained (${entry.phase}): ${entry.error.message}`,
      );
  } else {
    lines.push(
      `Reached: **${result.reached ? 'yes' : 'no'}** (${result.strategy}); confidence ${(result.confidence * 100).toFixed(0)}%; clustered by ${result.clusteredBy}.`,
      '',
    );
    if (result.winningAnswer) lines.push(`Winning answer: ${result.winningAnswer}`, '');
    for (const dissent of result.dissent)
      lines.push(`- dissent from ${name(dissent.participantId)}: ${dissent.answer}`);
  }
  lines.push(
    '',
    `Cost: ${result.cost.calls} calls, ${result.cost.usage.inputTokens} input / ${result.cost.usage.outputTokens} output tokens, $${result.cost.costUsd.toFixed(4)}${result.cost.unpricedCalls ? ` (+${result.cost.unpricedCalls} unpriced calls)` : ''}.`,
  );
  return lines;
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}\n${text}\n${marker}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
