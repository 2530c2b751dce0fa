/** Which tools a key's role may call (seed §6.2): orchestrators everything, agents their own. */
import { ORCHESTRATOR_ROLE } from './team-config';

export const AGENT_TOOLS = [
  'poll_tasks',
  'submit_result',
  'heartbeat',
  'get_shared_state',
  'set_shared_state',
];
/** Council runs are team tasks (agent_type consensus / consensus_vote). */
export const COUNCIL_TOOLS = [
  'start_consensus_task',
  'run_consensus_task',
  'consensus_vote',
  'get_task_result',
];
export const ORCHESTRATOR_TOOLS = [
  'create_task',
  'get_task_status',
  'get_result',
  'list_agents',
  'cancel_task',
  ...COUNCIL_TOOLS,
  'get_shared_state',
  'set_shared_state',
];

export function toolsOf(role: string): string[] {
  return role === ORCHESTRATOR_ROLE ? ORCHESTRATOR_TOOLS : AGENT_TOOLS;
}

export function refusalText(role: string, agentId: string, tool: string): string {
  const who =
    role === ORCHESTRATOR_ROLE
      ? `the orchestrator key of "${agentId}"`
      : `the ${role} agent key of "${agentId}"`;
  const owner = AGENT_TOOLS.includes(tool)
    ? 'agent keys'
    : ORCHESTRATOR_TOOLS.includes(tool)
      ? 'orchestrator keys'
      : 'no key (no such tool)';
  return `Refused: ${tool} is for ${owner}; ${who} may call ${toolsOf(role).join(', ')}.`;
}
