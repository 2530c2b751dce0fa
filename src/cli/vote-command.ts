/** `mlo vote <question>`: the quick poll; the winning answer (or the result as JSON) on stdout. */
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { VoteInput, VoteResult, VoteStrategy } from '../core/vote-types';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';
import { exitCodeOf } from './exit-codes';
import { judgeFallbackText } from './judge-fallback-text';
import { runOnCliCouncil } from './run-on-cli-council';
import { errorLine, transcriptLine } from './summary-lines';

const STRATEGIES: VoteStrategy[] = ['majority', 'supermajority', 'unanimous'];

export async function voteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      strategy: { type: 'string', default: 'majority' },
      participants: { type: 'string' },
      judge: { type: 'string' },
      context: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const question = positionals.join(' ').trim();
  if (question === '') throw new UsageError(l10n.t('Ask a question: mlo vote "<question>".'));
  const strategy = values.strategy as VoteStrategy;
  if (!STRATEGIES.includes(strategy)) {
    throw new UsageError(
      l10n.t('--strategy must be one of {0}, not "{1}".', STRATEGIES.join(', '), strategy),
    );
  }
  const input: VoteInput = {
    question,
    strategy,
    ...(values.context ? { context: values.context } : {}),
  };
  return runOnCliCouncil<VoteResult>(io, values, {
    keepsBestOnStop: false,
    start: (council, participants) =>
      council.startVote({
        input,
        ...(participants ? { participants } : {}),
        ...(values.judge ? { judge: values.judge.trim() } : {}),
        origin: 'cli',
      }),
    answer: (result) => result.winningAnswer,
    report: (result, dataDir) => {
      io.err(summaryLines(result, strategy, dataDir));
      return exitCodeOf(result.reached, result);
    },
  });
}

function summaryLines(result: VoteResult, strategy: VoteStrategy, dataDir: string): string {
  const outcome = result.reached ? l10n.t('reached') : l10n.t('not reached');
  const judge = result.judge ? l10n.t(' (judge {0})', result.judge.id) : '';
  const lines = [
    l10n.t(
      'vote: {0} ({1}), confidence {2}% ({3} of {4} responding), grouped by {5}{6}',
      outcome,
      strategy,
      Math.round(result.confidence * 100),
      result.agreeing.length,
      result.responding,
      result.clusteredBy,
      judge,
    ),
    ...(result.judgeFallback
      ? [l10n.t('judge fallback: {0}', judgeFallbackText(result.judgeFallback))]
      : []),
    ...result.dissent.map((d) =>
      l10n.t('dissent: {0}: {1}', d.participantId, d.answer.split('\n')[0] ?? ''),
    ),
    ...result.failed.map((f) => l10n.t('failed: {0}: {1}', f.participantId, f.error.message)),
    ...(result.error ? [errorLine(result.error)] : []),
    transcriptLine(dataDir, result),
  ];
  return lines.map((line) => `mlo: ${line}\n`).join('');
}
