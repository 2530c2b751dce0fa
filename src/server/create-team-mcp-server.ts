/** One MCP server per request, with only the tools the caller's role may call. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from '../mcp/create-server';
import type { ToolContext } from '../mcp/tool-context';
import { registerConsensusVoteTool } from '../mcp/tools/consensus-vote-tool';
import { registerGetTaskResultTool } from '../mcp/tools/get-task-result-tool';
import { registerRunConsensusTaskTool } from '../mcp/tools/run-consensus-task-tool';
import { registerStartConsensusTaskTool } from '../mcp/tools/start-consensus-task-tool';
import { createRedisCouncilService } from './redis-council-service';
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
create_task queues a task for an agent type (optionally after other tasks: "dependencies"); get_task_status and get_result follow it; list_agents shows who is online; cancel_task stops one.
Councils of LLMs are tasks too: start_consensus_task (then get_task_status / get_task_result), run_consensus_task and consensus_vote (wait for the result); they run on any instance of this server. Shared state (get/set_shared_state) is visible to every agent.`;
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
    // Council runs are team tasks; these are the stdio server's tools over a Redis-backed council.
    const council: ToolContext = {
      council: createRedisCouncilService(parts.councils, caller),
      server,
      mode: 'standalone',
    };
    registerStartConsensusTaskTool(council);
    registerRunConsensusTaskTool(council);
    registerConsensusVoteTool(council);
    registerGetTaskResultTool(council);
  } else {
    registerPollTasksTool(context);
    registerSubmitResultTool(context);
    registerHeartbeatTool(context);
  }
  registerSharedStateTools(context);
  return server;
}
