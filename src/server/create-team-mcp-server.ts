/** One MCP server per request, with only the tools the caller's role may call. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from '../mcp/create-server';
import type { Caller } from './agent-keys';
import { ORCHESTRATOR_ROLE } from './team-config';
import type { TeamParts, TeamToolContext } from './team-tool-context';
import { registerCancelTaskTool } from './tools/cancel-task-tool';
import { registerCreateTaskTool } from './tools/create-task-tool';
import { registerGetResultTool } from './tools/get-result-tool';
import { registerGetTaskStatusTool } from './tools/get-task-status-tool';
import { registerHeartbeatTool } from './tools/heartbeat-tool';
import { registerListAgentsTool } from './tools/list-agents-tool';
import { registerPollTasksTool } from './tools/poll-tasks-tool';
import { registerSharedStateTools } from './tools/shared-state-tools';
import { registerSubmitResultTool } from './tools/submit-result-tool';

const ORCHESTRATOR_INSTRUCTIONS = `The team server: you hand work to agents of several types and collect their results.
create_task queues a task for an agent type (optionally after other tasks: "dependencies"); get_task_status and get_result follow it; list_agents shows who is online; cancel_task stops one. Shared state (get/set_shared_state) is visible to every agent.`;
const AGENT_INSTRUCTIONS = `The team server: you are an agent of one type. poll_tasks gives you a task (leased to you), heartbeat keeps the lease while you work, submit_result finishes it. Shared state (get/set_shared_state) holds what agents share.`;

export function createTeamMcpServer(parts: TeamParts, caller: Caller): McpServer {
  const orchestrator = caller.role === ORCHESTRATOR_ROLE;
  const server = new McpServer(
    {
      name: 'multi-llm-orchestration-team',
      title: 'Multi-LLM Orchestration team server',
      version: SERVER_VERSION,
    },
    {
      capabilities: { tools: {} },
      instructions: orchestrator ? ORCHESTRATOR_INSTRUCTIONS : AGENT_INSTRUCTIONS,
      maxToolInputElements: 20_000,
    },
  );
  const context: TeamToolContext = { ...parts, server, caller };
  if (orchestrator) {
    registerCreateTaskTool(context);
    registerGetTaskStatusTool(context);
    registerGetResultTool(context);
    registerListAgentsTool(context);
    registerCancelTaskTool(context);
  } else {
    registerPollTasksTool(context);
    registerSubmitResultTool(context);
    registerHeartbeatTool(context);
  }
  registerSharedStateTools(context);
  return server;
}
