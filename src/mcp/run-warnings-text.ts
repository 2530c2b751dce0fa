/**
 * A run's start warnings (deprecated / retired / unknown / unpriced participants, see
 * src/shared/model-note.ts) put in front of a tool result's text, so the calling agent reads
 * them first and can tell its user what to change.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ModelNote } from '../shared/model-note';

export function withRunWarnings(
  result: CallToolResult,
  warnings: ModelNote[] | undefined,
): CallToolResult {
  if (!warnings || warnings.length === 0) return result;
  const text = `Warnings before the run started:\n${warnings.map((note) => `- ${note.message}`).join('\n')}`;
  return { ...result, content: [{ type: 'text', text }, ...result.content] };
}
