import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { READ_ONLY_TEAM_TOOL, registerTeamTool, type TeamToolContext } from '../team-tool-context';

const agentOutput = z.object({
  agent_id: z.string(),
  agent_type: z.string(),
  status: z.enum(['idle', 'active']),
  last_heartbeat: z.string(),
  capabilities: z.array(z.string()),
  current_task_id: z.string().nullable(),
  current_task_ids: z.array(z.string()),
  online: z.boolean(),
});

export function registerListAgentsTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'list_agents',
    {
      title: 'List agents',
      description:
        'Registered agents with type, idle/active, current task and last heartbeat; "online" is false when no heartbeat came within the lease time. Instant.',
      inputSchema: {
        filter: z
          .enum(['all', 'active', 'idle'])
          .default('all')
          .describe('all, active (working on a task) or idle.'),
      },
      outputSchema: { agents: z.array(agentOutput) },
      annotations: READ_ONLY_TEAM_TOOL,
    },
    async ({ filter }) => {
      const all = await context.agents.list();
      const agents = filter === 'all' ? all : all.filter((a) => a.status === filter);
      const online = agents.filter((a) => a.online);
      const byType = context.agentTypes
        .map((type) => `${type}: ${online.filter((a) => a.agent_type === type).length}`)
        .join(', ');
      const message =
        agents.length === 0
          ? `No ${filter === 'all' ? '' : `${filter} `}agents registered yet. Agents appear after their first poll_tasks or heartbeat; tasks wait in the queue until then.`
          : `${agents.length} ${filter === 'all' ? '' : `${filter} `}agent(s), ${online.length} online (${byType}). Create work for a type with create_task.`;
      return toolResult(message, { agents, message });
    },
  );
}
