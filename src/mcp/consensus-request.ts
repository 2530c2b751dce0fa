/** Tool arguments -> the CouncilService request (one place, so run_, start_ and run_iteration agree). */
import type { CodeContext, ConsensusInput, OutputKind } from '../core/consensus-types';
import type { StartConsensusRequest } from '../shared/council-service';

/** The code fields every task-taking tool accepts (input-schemas.ts `codeInputFields`). */
export interface CodeToolArgs {
  task: string;
  selection?: string;
  filePath?: string;
  languageId?: string;
  extraContext?: string;
  outputKind?: 'code' | 'text';
}

export interface ConsensusToolArgs extends CodeToolArgs {
  participants?: string[];
  maxRounds?: number;
  thresholds?: { maxTextDivergence?: number; maxScoreSpread?: number };
  budget?: { maxCostUsd?: number; maxTotalTokens?: number };
  seed?: number;
}

/** The task with its output kind ("code" when a selection is given) and its code context. */
export function toTaskInput(args: CodeToolArgs): {
  task: string;
  outputKind: OutputKind;
  context?: CodeContext;
} {
  const hasContext = args.selection !== undefined || args.extraContext !== undefined;
  return {
    task: args.task,
    outputKind: args.outputKind ?? (args.selection !== undefined ? 'code' : 'text'),
    ...(hasContext
      ? {
          context: {
            selection: args.selection ?? '',
            ...(args.filePath !== undefined ? { filePath: args.filePath } : {}),
            ...(args.languageId !== undefined ? { languageId: args.languageId } : {}),
            ...(args.extraContext !== undefined ? { extra: args.extraContext } : {}),
          },
        }
      : {}),
  };
}

export function toConsensusRequest(args: ConsensusToolArgs): StartConsensusRequest {
  const input: ConsensusInput = {
    ...toTaskInput(args),
    ...(args.maxRounds !== undefined ? { maxRounds: args.maxRounds } : {}),
    ...(args.thresholds !== undefined ? { thresholds: args.thresholds } : {}),
    ...(args.budget !== undefined ? { budget: args.budget } : {}),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
  };
  return {
    input,
    ...(args.participants !== undefined ? { participants: args.participants } : {}),
    origin: 'mcp',
  };
}
