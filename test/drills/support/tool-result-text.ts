/** What a caller of an MCP tool sees: every content block and the structured content. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

/** The whole result serialised (text, resource links, structuredContent, flags). */
export function everythingIn(result: unknown): string {
  return JSON.stringify(result);
}
