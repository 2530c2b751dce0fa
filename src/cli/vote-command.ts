/** `mlo vote <question>`: the quick poll; the winning answer (or the result as JSON) on stdout. */
import { parseArgs } from 'node:util';
import type { VoteInput, VoteResult, VoteStrategy } from '../core/vote-types';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';
import { exitCodeOf } from './exit-codes';
import { runOnCliCouncil } from './run-on-cli-council';

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
  if (question === '') throw new UsageError('Ask a question: mlo vote "<question>".');
  const strategy = values.strategy as VoteStrategy;
  if (!STRATEGIES.includes(strategy)) {
    throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')}, not "${strategy}".`);
  }
  const input: VoteInput = {
    question,
    strategy,
    ...(values.context ? { context: values.context } : {}),
  };
  return runOnCliCouncil<VoteResult>(io, values, {
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
  const lines = [
    `vote: ${result.reached ? 'reached' : 'not reached'} (${strategy}), confidence ${Math.round(result.confidence * 100)}% (${result.agreeing.length} of ${result.responding} responding), grouped by ${result.clusteredBy}${result.judge ? ` (judge ${result.judge.id})` : ''}`,
    ...(result.judgeFallbackReason ? [`judge fallback: ${result.judgeFallbackReason}`] : []),
    ...result.dissent.map((d) => `dissent: ${d.participantId}: ${d.answer.split('\n')[0]}`),
    ...result.failed.map((f) => `failed: ${f.participantId}: ${f.error.message}`),
    ...(result.error
      ? [`error: ${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`]
      : []),
    `transcript: ${dataDir}/${result.runId}.jsonl${result.transcriptIncomplete ? ' (incomplete: some records could not be written)' : ''}`,
  ];
  return lines.map((line) => `mlo: ${line}\n`).join('');
}
