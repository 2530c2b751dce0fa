/** Reusable prompt templates (MCP prompts capability): ways to start the council from a client's prompt menu. */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'consensus_on_code',
    {
      title: 'Consensus on this code',
      description:
        'Have the council of models agree on a change to a piece of code (run_consensus_task with the code as the selection).',
      argsSchema: {
        code: z.string().describe('The code to change.'),
        instruction: z.string().describe('What to change, e.g. "handle empty input".'),
        language: z.string().optional().describe('Language of the code, e.g. "typescript".'),
      },
    },
    ({ code, instruction, language }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Call the tool run_consensus_task with task ${JSON.stringify(instruction)}, outputKind "code"${language ? `, languageId ${JSON.stringify(language)}` : ''} and this code as "selection". When it returns, show me the status, any dissent from the minority report, and the product as a diff against my code before applying anything.\n\n\`\`\`${language ?? ''}\n${code}\n\`\`\``,
          },
        },
      ],
    }),
  );
  server.registerPrompt(
    'council_review',
    {
      title: 'Council review',
      description:
        'Have the council review a text or code and agree on the findings (issues ranked, with the dissent kept).',
      argsSchema: {
        content: z.string().describe('The code or document to review.'),
        focus: z.string().optional().describe('What to focus on, e.g. "security", "readability".'),
      },
    },
    ({ content, focus }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Call the tool run_consensus_task with outputKind "text" and task "Review the material in <context> ${focus ? `with a focus on ${focus}` : ''} and list the agreed findings, most important first, each with a concrete fix." and the material below as "extraContext". Then summarise the agreed findings and mention any dissent.\n\n${content}`,
          },
        },
      ],
    }),
  );
}
