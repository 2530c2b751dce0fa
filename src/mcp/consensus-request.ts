/** Tool arguments -> the CouncilService request (one place, so run_ and start_ agree). */
import type { ConsensusInput } from '../core/consensus-types';
import type { StartConsensusRequest } from '../shared/council-service';

export interface ConsensusToolArgs {
  task: string;
  selection?: string;
  filePath?: string;
  languageId?: string;
  extraContext?: string;
  outputKind?: 'code' | 'text';
  participants?: string[];
  maxRounds?: number;
  thresholds?: { maxTextDivergence?: number; maxScoreSpread?: number };
  budget?: { maxCostUsd?: number; maxTotalTokens?: number };
  seed?: number;
}

export function toConsensusRequest(args: ConsensusToolArgs): StartConsensusRequest {
  const hasContext = args.selection !== undefined || args.extraContext !== undefined;
  const input: ConsensusInput = {
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
