/**
 * A run's start warnings (deprecated / retired / unknown / unpriced participants, see
 * src/shared/model-note.ts) added right after a tool result's first text, so the calling agent
 * reads them early and can tell its user what to change.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ModelNote } from '../shared/model-note';

export function withRunWarnings(
  result: CallToolResult,
  warnings: ModelNote[] | undefined,
): CallToolResult {
  if (!warnings || warnings.length === 0) return result;
  const text = `Warnings before the run started:\n${warnings.map((note) => `- ${note.message}`).join('\n')}`;
  // After the result's own first text (what happened), before its data blocks and links.
  const [first, ...rest] = result.content;
  return { ...result, content: [...(first ? [first] : []), { type: 'text', text }, ...rest] };
}
