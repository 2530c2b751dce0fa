import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { registerTeamTool, type TeamToolContext } from '../team-tool-context';
import { checkAgentId } from './check-agent-id';

export function registerHeartbeatTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'heartbeat',
    {
      title: 'Register / keep your leases',
      description:
        'Registers you (first call) and renews the lease of every task you hold. Call it at least every half lease while you work. Instant.',
      inputSchema: {
        agent_id: z.string().optional().describe('Your agent id (the one your key was issued to).'),
        capabilities: z
          .array(z.string().max(100))
          .max(50)
          .optional()
          .describe('What you can do, e.g. task_decomposition.'),
      },
      outputSchema: {
        agent_id: z.string(),
        status: z.enum(['idle', 'active']),
        last_heartbeat: z.string(),
        current_task_ids: z.array(z.string()),
        lost_task_ids: z.array(z.string()),
      },
    },
    async ({ agent_id, capabilities }) => {
      checkAgentId(context, agent_id);
      const { agent, lost } = await context.board.heartbeat(context.caller, capabilities);
      const lostText =
        lost.length > 0
          ? ` Your lease on ${lost.join(', ')} expired and went to another agent: stop working on it.`
          : '';
      const message =
        agent.current_task_ids.length > 0
          ? `Heartbeat recorded; your leases on ${agent.current_task_ids.join(', ')} are renewed.${lostText} Finish with submit_result.`
          : `Heartbeat recorded; you hold no task.${lostText} Call poll_tasks to take one.`;
      return toolResult(message, {
        agent_id: agent.agent_id,
        status: agent.status,
        last_heartbeat: agent.last_heartbeat,
        current_task_ids: agent.current_task_ids,
        lost_task_ids: lost,
        message,
      });
    },
  );
}
