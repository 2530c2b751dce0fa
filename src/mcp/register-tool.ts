/**
 * One tool registration for every tool of docs/MCP.md: the annotations follow from what the
 * tool does (its effect), and a thrown error becomes an `isError` result that says what could
 * not be done and what to do (describe-error.ts), so no tool repeats that skeleton.
 */
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type {
  AnyObjectSchema,
  ShapeOutput,
  ZodRawShapeCompat,
} from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { describeError } from './describe-error';
import type { ToolExtra } from './progress-reporter';
import type { ToolName } from './tool-profile';
import { recordTool } from './tool-listing';
import { toolError } from './tool-result';

/**
 * Annotations give only what differs from the MCP defaults (readOnlyHint false, destructiveHint
 * true, idempotentHint false, openWorldHint true), as tools/list costs every request:
 * - `local`: free and read-only, no vendor call (destructive and idempotent hints mean nothing
 *   for a read-only tool in the MCP spec, so they are left out);
 * - `paid`: calls vendor APIs and starts a run, deletes nothing;
 * - `stops`: ends work that cannot be resumed, though nothing of the user's is deleted; local.
 */
export type ToolEffect = 'local' | 'paid' | 'stops';

const ANNOTATIONS: Record<ToolEffect, ToolAnnotations> = {
  local: { readOnlyHint: true, openWorldHint: false },
  paid: { destructiveHint: false },
  stops: { idempotentHint: true, openWorldHint: false },
};

export interface ToolSpec<Input extends ZodRawShapeCompat> {
  title: string;
  description: string;
  input: Input;
  output: ZodRawShapeCompat | AnyObjectSchema;
  effect: ToolEffect;
  /** For the error text "Could not <doing>: …". */
  doing: string;
}

export function registerTool<Input extends ZodRawShapeCompat>(
  server: McpServer,
  name: ToolName,
  spec: ToolSpec<Input>,
  run: (args: ShapeOutput<Input>, extra: ToolExtra) => Promise<CallToolResult>,
): void {
  const handle = async (args: ShapeOutput<Input>, extra: ToolExtra): Promise<CallToolResult> => {
    try {
      return await run(args, extra);
    } catch (error) {
      return toolError(describeError(error, spec.doing));
    }
  };
  const registered = server.registerTool(
    name,
    {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      outputSchema: spec.output,
      annotations: ANNOTATIONS[spec.effect],
    },
    // The SDK types the callback by a conditional type it cannot resolve for a generic shape.
    handle as unknown as ToolCallback<Input>,
  );
  recordTool(server, name, registered);
}
