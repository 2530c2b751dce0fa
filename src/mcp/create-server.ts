/**
/**
 * The MCP server of docs/MCP.md over any CouncilService: 13 tools (fewer with `MLO_TOOLS`),
 * 2 prompts, the run resources.
 * The same function serves bridge mode (council = proxy to the editor) and standalone mode.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CouncilService } from '../shared/council-service';
import { registerPrompts } from './register-prompts';
import { registerRunResources } from './register-run-resources';
import { SERVER_ICONS } from './server-icon';
import type { ToolContext } from './tool-context';
import { listToolsCompactly } from './tool-listing';
import { toolsOfProfile, type ToolName } from './tool-profile';
import { registerRunConsensusTaskTool } from './tools/run-consensus-task-tool';
import { registerStartConsensusTaskTool } from './tools/start-consensus-task-tool';
import { registerGetTaskStatusTool } from './tools/get-task-status-tool';
import { registerGetTaskResultTool } from './tools/get-task-result-tool';
import { registerCancelTaskTool } from './tools/cancel-task-tool';
import { registerRunIterationTool } from './tools/run-iteration-tool';
import { registerCheckConvergenceTool } from './tools/check-convergence-tool';
import { registerMergeResultsTool } from './tools/merge-results-tool';
import { registerGetIterationLogTool } from './tools/get-iteration-log-tool';
import { registerConsensusVoteTool } from './tools/consensus-vote-tool';
import { registerListParticipantsTool } from './tools/list-participants-tool';
import { registerFindParticipantsForTaskTool } from './tools/find-participants-for-task-tool';
import { registerGetParticipantProfileTool } from './tools/get-participant-profile-tool';

const REGISTRATIONS: [ToolName, (context: ToolContext) => void][] = [
  ['run_consensus_task', registerRunConsensusTaskTool],
  ['start_consensus_task', registerStartConsensusTaskTool],
  ['get_task_status', registerGetTaskStatusTool],
  ['get_task_result', registerGetTaskResultTool],
  ['cancel_task', registerCancelTaskTool],
  ['run_iteration', registerRunIterationTool],
  ['check_convergence', registerCheckConvergenceTool],
  ['merge_results', registerMergeResultsTool],
  ['get_iteration_log', registerGetIterationLogTool],
  ['consensus_vote', registerConsensusVoteTool],
  ['list_participants', registerListParticipantsTool],
  ['find_participants_for_task', registerFindParticipantsForTaskTool],
  ['get_participant_profile', registerGetParticipantProfileTool],
];

export const SERVER_NAME = 'multi-llm-orchestration';
export const SERVER_VERSION = '0.1.0';

export interface CreateServerOptions {
  mode: 'bridge' | 'standalone';
  /** `MLO_TOOLS`: 'core', 'full' (default) or a comma list of tool names (tool-profile.ts). */
  tools?: string;
}

const INSTRUCTIONS = `A council of LLMs from different vendors that draft, review each other anonymously, merge and agree on one result, with the dissent kept.
Long tools (run_consensus_task, consensus_vote, run_iteration) call paid vendor APIs and take minutes; if your client times out, use start_consensus_task then get_task_status / get_task_result.
check_convergence and merge_results are free local computations. list_participants shows who is on the council and which keys are missing.`;

export function createServer(council: CouncilService, options: CreateServerOptions): McpServer {
  const server = new McpServer(
    {
      name: SERVER_NAME,
      title: 'Multi-LLM Orchestration',
      version: SERVER_VERSION,
      icons: SERVER_ICONS,
    },
    {
      // Only what the server serves: no `logging` (it logs to stderr, never through MCP) and no
      // `sampling`-dependent capability of its own (see docs/ARCHITECTURE.md, "sampling").
      capabilities: { tools: {}, prompts: {}, resources: {} },
      instructions: INSTRUCTIONS,
      // A cap on argument size in elements; text size is capped per field by the schemas.
      maxToolInputElements: 20_000,
    },
  );
  const wanted = toolsOfProfile(options.tools);
  const context: ToolContext = { council, server, mode: options.mode, listed: wanted };
  for (const [name, register] of REGISTRATIONS) if (wanted.has(name)) register(context);
  listToolsCompactly(server);
  registerPrompts(server);
  registerRunResources(server, council);
  return server;
}
