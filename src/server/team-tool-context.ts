/** What every team tool receives: the caller (from its key) and the shared team parts. */
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ZodRawShapeCompat } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { toolError } from '../mcp/tool-result';
import type { AgentRegistry } from './agent-registry';
import type { Caller } from './agent-keys';
import type { RedisCouncilParts } from './redis-council-service';
import type { SharedState } from './shared-state';
import type { TaskBoard } from './task-board';
import { TeamError } from './team-error';
import type { TeamLog } from './team-log';
import type { TeamMetrics } from './team-metrics';

export interface TeamParts {
  board: TaskBoard;
  agents: AgentRegistry;
  state: SharedState;
  metrics: TeamMetrics;
  log: TeamLog;
  agentTypes: string[];
  leaseMs: number;
  councils: RedisCouncilParts;
}

export interface TeamToolContext extends TeamParts {
  server: McpServer;
  caller: Caller;
}

/** The annotations of a team read: no side effect, the same answer twice, only this team's Redis. */
export const READ_ONLY_TEAM_TOOL = {
  readOnlyHint: true,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** Runs a tool body: a TeamError becomes an error result the model can act on; all are counted. */
export async function runTeamTool(
  context: TeamToolContext,
  tool: string,
  body: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  const { metrics, log, caller } = context;
  try {
    const result = await body();
    metrics.toolCalls.inc({ tool, result: result.isError ? 'error' : 'ok' });
    log.event('tool-call', { tool, agent_id: caller.agentId, ok: !result.isError });
    return result;
  } catch (error) {
    metrics.toolCalls.inc({ tool, result: 'error' });
    log.event('tool-call', { tool, agent_id: caller.agentId, ok: false });
    if (error instanceof TeamError) return toolError(error.message);
    return toolError(
      `The team server could not ${tool.replace(/_/g, ' ')} (Redis unreachable?). Try again shortly.`,
    );
  }
}

export interface TeamToolConfig<I extends ZodRawShapeCompat, O extends ZodRawShapeCompat> {
  title: string;
  description: string;
  inputSchema: I;
  /** Without `message`: every team tool's output has it (the text its result opens with). */
  outputSchema: O;
  annotations?: ToolAnnotations;
}

/**
 * Registers a team tool the one way they all work: its output schema gains `message`, and its
 * body runs under runTeamTool with the tool's own name (errors explained, every call counted).
 */
export function registerTeamTool<I extends ZodRawShapeCompat, O extends ZodRawShapeCompat>(
  context: TeamToolContext,
  name: string,
  config: TeamToolConfig<I, O>,
  body: (args: Parameters<ToolCallback<I>>[0]) => Promise<CallToolResult>,
): void {
  const callback = (args: Parameters<ToolCallback<I>>[0]) =>
    runTeamTool(context, name, () => body(args));
  context.server.registerTool(
    name,
    { ...config, outputSchema: { ...config.outputSchema, message: z.string() } },
    // ToolCallback<I> is a conditional type TypeScript cannot match for a generic I.
    callback as unknown as ToolCallback<I>,
  );
}
