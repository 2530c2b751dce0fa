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
  .describe(
    `What the council should produce or change, in plain language (at most ${kb(MAX_TASK_CHARS)}).`,
  );

export const participantsField = z
  .array(
    z
      .string()
      .regex(/^(sampling|vscode-lm|[A-Za-z0-9_.-]+:.+)$/, {
        error:
          'Each participant is "provider:model", e.g. "openai:gpt-6.2-sol", "anthropic:claude-sonnet-5-5@high", "google:gemini-4-argon", or "sampling" for your own model via MCP sampling. Call list_participants for the configured ones.',
      })
      .max(200),
  )
  .min(1, { error: '"participants" is empty: leave it out to use the configured council.' })
  .max(MAX_PARTICIPANTS, { error: `At most ${MAX_PARTICIPANTS} participants per run.` })
  .optional()
  .describe(
    'Optional council members as "provider:model" strings (providers: openai, anthropic, google, the id of a configured OpenAI-compatible endpoint, or "sampling" for the calling client\'s own model via MCP sampling). Omit to use the configured participants (see list_participants).',
  );

export const codeInputFields = {
  selection: z
    .string()
    .max(MAX_SELECTION_CHARS, {
      error: `"selection" is longer than ${kb(MAX_SELECTION_CHARS)}; send the part that must change and put the rest in "extraContext" or leave it out.`,
    })
    .optional()
    .describe(
      'The code or text to change. When given, the product is a complete replacement for it (output kind "code" unless outputKind says otherwise).',
    ),
  filePath: z
    .string()
    .max(1000)
    .optional()
    .describe('Path of the file the selection comes from (shown to the council).'),
  languageId: z
    .string()
    .max(100)
    .optional()
    .describe('Language of the selection, e.g. "typescript".'),
  extraContext: z
    .string()
    .max(MAX_CONTEXT_CHARS, {
      error: `"extraContext" is longer than ${kb(MAX_CONTEXT_CHARS)}; keep only what the council needs to read.`,
    })
    .optional()
    .describe('Reference material the council may read but must not rewrite (other files, notes).'),
  outputKind: z
    .enum(['code', 'text'])
    .optional()
    .describe(
      '"code" = the product replaces the selection; "text" = a document or answer. Default: "code" with a selection, else "text".',
    ),
};

export const runSettingsFields = {
  maxRounds: z
    .number()
    .int()
    .min(1)
    .max(8)
    .optional()
    .describe(
      'Most review/merge rounds (1..8, default 4). Each round costs one review and one merge call per participant.',
    ),
  thresholds: z
    .object({
      maxTextDivergence: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .describe('Converged when merged proposals differ by less than this (0..1, default 0.15).'),
      maxScoreSpread: z
        .number()
        .min(0)
        .max(9)
        .optional()
        .describe('Converged when mean peer scores are within this spread (default 1.0).'),
    })
    .optional()
    .describe('Convergence thresholds; defaults suit most tasks.'),
  budget: z
    .object({
      maxCostUsd: z
        .number()
        .min(0)
        .optional()
        .describe('Stop with status "budget" before spending more than this (USD).'),
      maxTotalTokens: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('Stop with status "budget" past this many tokens.'),
    })
    .optional()
    .describe('Optional spending cap.'),
  seed: z
    .number()
    .int()
    .optional()
    .describe('Seed of the anonymous shuffles, for a reproducible run.'),
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
  .describe(
    'The task (run) id returned by start_consensus_task, run_consensus_task or consensus_vote.',
  );
