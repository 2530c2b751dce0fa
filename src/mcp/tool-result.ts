/** Building CallToolResults the seed-002 way: the explaining text first, then data and links. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export interface ResourceLinkSpec {
  uri: string;
  name: string;
  description: string;
  mimeType: string;
}

export function toolResult(
  text: string,
  structured: Record<string, unknown>,
  extras: { blocks?: string[]; links?: ResourceLinkSpec[] } = {},
): CallToolResult {
  return {
    content: [
      { type: 'text', text },
      ...(extras.blocks ?? []).map((block) => ({ type: 'text' as const, text: block })),
      ...(extras.links ?? []).map((link) => ({ type: 'resource_link' as const, ...link })),
    ],
    structuredContent: structured,
  };
}

export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
