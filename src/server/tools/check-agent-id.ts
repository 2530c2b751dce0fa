import { TeamError } from '../team-error';
import type { TeamToolContext } from '../team-tool-context';

/** An agent speaks only for itself: the agent_id argument must be the one its key was issued to. */
export function checkAgentId(context: TeamToolContext, agentId: string | undefined): void {
  if (agentId !== undefined && agentId !== context.caller.agentId) {
    throw new TeamError(
      `This key belongs to agent "${context.caller.agentId}"; pass agent_id "${context.caller.agentId}" (or leave it out).`,
    );
  }
}
