/** `mlo run <task>`: one consensus run; the product (or the result as JSON) on stdout. */
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  CodeContext,
  ConsensusInput,
  ConsensusResult,
  OutputKind,
} from '../core/consensus-types';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';
import { exitCodeOf } from './exit-codes';
import { runOnCliCouncil } from './run-on-cli-council';
import { noticeText, stopText } from './notice-text';

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.jsx': 'javascriptreact',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.rs': 'rust',
  '.java': 'java',
  '.rb': 'ruby',
  '.cs': 'csharp',
  '.c': 'c',
  '.h': 'c',
  '.cpp': 'cpp',
  '.md': 'markdown',
  '.json': 'json',
  '.sh': 'shellscript',
  '.sql': 'sql',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

const REACHED = new Set(['unanimous', 'majority']);

function integerFlag(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return number;
}

function numberFlag(name: string, value: string | undefined) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new UsageError(`--${name} must be a positive number, not "${value}".`);
  }
  return number;
}

async function selectionFrom(path: string, io: CliIo): Promise<CodeContext> {
  const absolute = resolve(io.cwd, path);
  let selection: string;
  try {
    selection = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read --file ${path}: ${(error as Error).message}`);
  }
  const languageId = LANGUAGE_BY_EXTENSION[extname(absolute).toLowerCase()];
  return {
    selection,
    filePath: relative(io.cwd, absolute) || path,
    ...(languageId ? { languageId } : {}),
  };
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      participants: { type: 'string' },
      'max-rounds': { type: 'string' },
      'output-kind': { type: 'string' },
      file: { type: 'string' },
      context: { type: 'string' },
      seed: { type: 'string' },
      'max-cost-usd': { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const task = positionals.join(' ').trim();
  if (task === '') throw new UsageError('Say what the council should do: mlo run "<task>".');
  const outputKind = (values['output-kind'] ?? (values.file ? 'code' : 'text')) as OutputKind;
  if (outputKind !== 'code' && outputKind !== 'text') {
    throw new UsageError(`--output-kind must be code or text, not "${String(outputKind)}".`);
  }
  if (outputKind === 'code' && !values.file) {
    throw new UsageError('--output-kind code rewrites a selection: give it with --file PATH.');
  }
  const maxRounds = integerFlag('max-rounds', values['max-rounds'], 1, 8);
  const seed = integerFlag('seed', values.seed, 0, 2 ** 31 - 1);
  const maxCostUsd = numberFlag('max-cost-usd', values['max-cost-usd']);
  let context: CodeContext | undefined;
  if (values.file) context = await selectionFrom(values.file, io);
  if (values.context) {
    context = context
      ? { ...context, extra: values.context }
      : { selection: '', extra: values.context };
  }
  const input: ConsensusInput = {
    task,
    outputKind,
    ...(context ? { context } : {}),
    ...(maxRounds === undefined ? {} : { maxRounds }),
    ...(seed === undefined ? {} : { seed }),
    ...(maxCostUsd === undefined ? {} : { budget: { maxCostUsd } }),
  };

  return runOnCliCouncil<ConsensusResult>(io, values, {
    start: (council, participants) =>
      council.startConsensus({ input, ...(participants ? { participants } : {}), origin: 'cli' }),
    answer: (result) => result.product,
    report: (result, dataDir) => {
      io.err(summaryLines(result, dataDir));
      return exitCodeOf(REACHED.has(result.status), result);
    },
  });
}

function summaryLines(result: ConsensusResult, dataDir: string): string {
  const lines = [
    `result: ${result.status} (${result.stopReason}) after ${result.roundsCompleted} round(s)`,
  ];
  const stopped = stopText(result);
  if (stopped) lines.push(`stopped: ${stopped}`);
  if (result.singleVendor) {
    lines.push(
      `note: single-vendor run (every participant is ${result.participants[0]?.provider ?? 'one vendor'}): less independent than a mixed council`,
    );
  }
  for (const dissent of result.minorityReport) {
    lines.push(`minority: ${dissent.participantId} ${dissent.vote}: ${dissent.reasons.join('; ')}`);
  }
  for (const notice of result.notices ?? []) {
    lines.push(`notice: ${notice.cause}: ${noticeText(notice)}`);
  }
  for (const abstention of result.abstentions) {
    lines.push(
      `abstained: ${abstention.participantId} in ${abstention.phase}: ${abstention.error.message}`,
    );
  }
  if (result.error) {
    lines.push(`error: ${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`);
  }
  const cost = result.cost;
  lines.push(
    `cost: $${cost.costUsd.toFixed(4)} over ${cost.calls} calls${cost.unpricedCalls ? ` (${cost.unpricedCalls} unpriced)` : ''}, ${cost.usage.inputTokens} in / ${cost.usage.outputTokens} out tokens`,
  );
  if (cost.budgetHit) lines.push(`stopped by: ${BUDGET_NAMES[cost.budgetHit]}`);
  lines.push(
    `transcript: ${dataDir}/${result.runId}.jsonl${result.transcriptIncomplete ? ' (incomplete: some records could not be written)' : ''}`,
  );
  return lines.map((line) => `mlo: ${line}\n`).join('');
}

const BUDGET_NAMES: Record<NonNullable<ConsensusResult['cost']['budgetHit']>, string> = {
  tokens: 'the token budget',
  cost: 'the cost budget (MLO_MAX_COST_USD / --max-cost-usd)',
  'unpriced-tokens': 'the token budget for unpriced participants (their cost is unknown)',
};
