/**
 * The zod pieces the tools' input schemas share. Every field says what it is for, and every
 * limit says in its error what to do, because the SDK returns these messages to the calling
 * model as the tool's error text.
 */
import { z } from 'zod';
import {
  MAX_CONTEXT_CHARS,
  MAX_PARTICIPANTS,
  MAX_SELECTION_CHARS,
  MAX_TASK_CHARS,
} from './input-limits';
import type { ToolName } from './tool-profile';

const kb = (chars: number): string => `${Math.round(chars / 1000)} KB`;

export const taskField = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'Missing "task": give the instruction for the council as a string, e.g. "Make this function handle empty arrays".'
        : '"task" must be a string (the instruction for the council).',
  })
  .trim()
  .min(1, { error: '"task" is empty: say what the council should produce.' })
  .max(MAX_TASK_CHARS, {
    error: `"task" is longer than ${kb(MAX_TASK_CHARS)}. Shorten the instruction and pass the material as "selection" (the text to change) or "extraContext" (reference only), or summarise it.`,
  })
  .describe('What to produce or change.');

export const participantsField = z
  .array(
    z
      .string()
      .regex(/^(sampling|vscode-lm|[\w.-]+:.+)$/, {
        error:
          'Each participant is "provider:model", e.g. "openai:gpt-6.2-sol", "anthropic:claude-sonnet-5-5@high", "google:gemini-4-argon", or "sampling" for your own model via MCP sampling. Call list_participants for the configured ones.',
      })
      .max(200),
  )
  .min(1, { error: '"participants" is empty: leave it out to use the configured council.' })
  .max(MAX_PARTICIPANTS, { error: `At most ${MAX_PARTICIPANTS} participants per run.` })
  .optional()
  .describe('"provider:model", or "sampling" for your own model. Default: the configured ones.');

export const codeInputFields = {
  selection: z
    .string()
    .max(MAX_SELECTION_CHARS, {
      error: `"selection" is longer than ${kb(MAX_SELECTION_CHARS)}; send the part that must change and put the rest in "extraContext" or leave it out.`,
    })
    .optional()
    .describe('Code or text the product replaces.'),
  filePath: z.string().max(1000).optional().describe('File of the selection.'),
  languageId: z.string().max(100).optional().describe('e.g. "typescript".'),
  extraContext: z
    .string()
    .max(MAX_CONTEXT_CHARS, {
      error: `"extraContext" is longer than ${kb(MAX_CONTEXT_CHARS)}; keep only what the council needs to read.`,
    })
    .optional()
    .describe('Reference to read, not rewrite.'),
  outputKind: z.enum(['code', 'text']).optional().describe('Default: code with a selection.'),
};

const SEED_ERROR = '"seed" is a whole number from 0 to 4294967295 (the seed a transcript records).';

export const runSettingsFields = {
  maxRounds: z.number().int().min(1).max(8).optional().describe('Default 4.'),
  thresholds: z
    .object({
      maxTextDivergence: z.number().min(0).max(1).optional(),
      maxScoreSpread: z.number().min(0).max(9).optional(),
    })
    .optional()
    .describe('Converged below: divergence 0.15, score spread 1.0.'),
  budget: z
    .object({
      maxCostUsd: z.number().min(0).optional(),
      maxTotalTokens: z.number().int().min(0).max(1e9).optional(),
    })
    .optional()
    .describe('Stop (status budget) past this.'),
  seed: z
    .number()
    .int({ error: SEED_ERROR })
    .min(0, { error: SEED_ERROR })
    .max(2 ** 32 - 1, { error: SEED_ERROR })
    .optional()
    .describe('For reproducible shuffles.'),
};

export const consensusInputShape = {
  task: taskField,
  ...codeInputFields,
  participants: participantsField,
  ...runSettingsFields,
};

export const taskIdField = z
  .string({
    error: 'Missing "taskId": pass the id that start_consensus_task or consensus_vote returned.',
  })
  .min(1)
  .max(200)
  .describe('Id from a run, start or vote.');

/**
 * Fields a tool takes as `owner` takes them. Where `owner` is in the same tools/list, the
 * fields' descriptions are left to it (`shared`: the tool's description then says so, naming
 * `owner`; docs/MCP.md "Context footprint"); elsewhere (another profile, the team server) they
 * keep their own.
 */
export function sharedFields<Fields extends Record<string, z.ZodType>>(
  owner: ToolName,
  listed: ReadonlySet<ToolName> | undefined,
  fields: Fields,
): { fields: Fields; shared: boolean } {
  if (!listed?.has(owner)) return { fields, shared: false };
  const bare = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.meta({ description: undefined })]),
  );
  return { fields: bare as Fields, shared: true };
}
