/** `mlo run <task>`: one consensus run; the product (or the result as JSON) on stdout. */
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
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
import { noticeLine, stopText } from './notice-text';
import { errorLine, resultLine, transcriptLine } from './summary-lines';

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
    throw new UsageError(
      l10n.t('--{0} must be a whole number from {1} to {2}, not "{3}".', name, min, max, value),
    );
  }
  return number;
}

function numberFlag(name: string, value: string | undefined) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new UsageError(l10n.t('--{0} must be a positive number, not "{1}".', name, value));
  }
  return number;
}

async function selectionFrom(path: string, io: CliIo): Promise<CodeContext> {
  const absolute = resolve(io.cwd, path);
  let selection: string;
  try {
    selection = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(l10n.t('Cannot read --file {0}: {1}', path, (error as Error).message));
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
  if (task === '')
    throw new UsageError(l10n.t('Say what the council should do: mlo run "<task>".'));
  const outputKind = (values['output-kind'] ?? (values.file ? 'code' : 'text')) as OutputKind;
  if (outputKind !== 'code' && outputKind !== 'text') {
    throw new UsageError(
      l10n.t('--output-kind must be code or text, not "{0}".', String(outputKind)),
    );
  }
  if (outputKind === 'code' && !values.file) {
    throw new UsageError(
      l10n.t('--output-kind code rewrites a selection: give it with --file PATH.'),
    );
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
    keepsBestOnStop: true,
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
  const lines = [resultLine(result)];
  const stopped = stopText(result);
  if (stopped) lines.push(l10n.t('stopped: {0}', stopped));
  if (result.singleVendor) {
    const vendor = result.participants[0]?.provider ?? l10n.t('one vendor');
    lines.push(
      l10n.t(
        'note: single-vendor run (every participant is {0}): less independent than a mixed council',
        vendor,
      ),
    );
  }
  for (const dissent of result.minorityReport) {
    lines.push(
      l10n.t(
        'minority: {0} {1}: {2}',
        dissent.participantId,
        dissent.vote,
        dissent.reasons.join('; '),
      ),
    );
  }
  for (const notice of result.notices ?? []) lines.push(noticeLine(notice));
  for (const abstention of result.abstentions) {
    const { participantId, phase, error } = abstention;
    lines.push(l10n.t('abstained: {0} in {1}: {2}', participantId, phase, error.message));
  }
  if (result.error) lines.push(errorLine(result.error));
  const cost = result.cost;
  const unpriced = cost.unpricedCalls ? l10n.t(' ({0} unpriced)', cost.unpricedCalls) : '';
  lines.push(
    l10n.t(
      'cost: {0} over {1} calls{2}, {3} in / {4} out tokens',
      `$${cost.costUsd.toFixed(4)}`,
      cost.calls,
      unpriced,
      cost.usage.inputTokens,
      cost.usage.outputTokens,
    ),
  );
  if (cost.budgetHit) lines.push(l10n.t('stopped by: {0}', budgetName(cost.budgetHit)));
  lines.push(transcriptLine(dataDir, result));
  return lines.map((line) => `mlo: ${line}\n`).join('');
}

function budgetName(budget: NonNullable<ConsensusResult['cost']['budgetHit']>): string {
  switch (budget) {
    case 'tokens':
      return l10n.t('the token budget');
    case 'cost':
      return l10n.t('the cost budget (MLO_MAX_COST_USD / --max-cost-usd)');
    case 'unpriced-tokens':
      return l10n.t('the token budget for unpriced participants (their cost is unknown)');
  }
}
