import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { DEFAULT_TTL_SECONDS } from '../shared-state';
import { READ_ONLY_TEAM_TOOL, registerTeamTool, type TeamToolContext } from '../team-tool-context';

const keyInput = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:/-]+$/, 'Use letters, digits and _ . : / - in keys.')
  .describe('The key, e.g. "plan/auth".');

export function registerSharedStateTools(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'get_shared_state',
    {
      title: 'Read shared state',
      description: 'Read a value that an agent stored with set_shared_state. Instant.',
      inputSchema: { key: keyInput },
      outputSchema: {
        key: z.string(),
        found: z.boolean(),
        value: z.unknown(),
        ttl_seconds: z.number().nullable(),
      },
      annotations: READ_ONLY_TEAM_TOOL,
    },
    async ({ key }) => {
      const found = await context.state.get(key);
      if (!found) {
        const message = `Nothing is stored under "${key}" (never set, or its ttl ran out). Store it with set_shared_state if you produce it.`;
        return toolResult(message, {
          key,
          found: false,
          value: null,
          ttl_seconds: null,
          message,
        });
      }
      const message = `Value of "${key}" (written by an agent; expires in ${found.ttl_seconds} s).`;
      return toolResult(
        message,
        { key, found: true, value: found.value, ttl_seconds: found.ttl_seconds, message },
        {
          blocks: [JSON.stringify(found.value, null, 2)],
        },
      );
    },
  );
  registerTeamTool(
    context,
    'set_shared_state',
    {
      title: 'Write shared state',
      description: `Store a JSON object under a key for other agents, for ttl seconds (default ${DEFAULT_TTL_SECONDS}). Overwrites. Instant.`,
      inputSchema: {
        key: keyInput,
        value: z.record(z.string(), z.unknown()).describe('The data to share.'),
        ttl: z
          .number()
          .positive()
          .max(30 * 24 * 3600)
          .default(DEFAULT_TTL_SECONDS)
          .describe('Seconds until it expires.'),
      },
      outputSchema: { key: z.string(), ttl_seconds: z.number() },
      annotations: { idempotentHint: true, openWorldHint: false },
    },
    async ({ key, value, ttl }) => {
      await context.state.set(key, value, ttl);
      const message = `Stored "${key}" for ${ttl} s; any agent can read it with get_shared_state.`;
      return toolResult(message, { key, ttl_seconds: ttl, message });
    },
  );
}
