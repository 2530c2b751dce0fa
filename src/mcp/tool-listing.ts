/**
 * tools/list as the SDK builds it (the same zod-to-JSON-Schema conversion of the same registered
 * tools), minus keys that tell an agent nothing (docs/MCP.md "Context footprint"):
 * - `$schema`, which zod puts on every schema: the schemas use only keywords that read the same
 *   in draft-07 and in 2020-12, MCP's default dialect for a schema without `$schema`;
 * - `additionalProperties: false` in output schemas: a result carries only its schema's keys
 *   anyway (`outputOf`, output-schema.ts), so the key only makes a client's check stricter;
 * - `propertyNames: {type: 'string'}` and `additionalProperties: {}` (zod's records), which
 *   hold for every JSON object;
 * - `execution: {taskSupport: 'forbidden'}`, the spec's meaning when `execution` is absent.
 */
import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import { normalizeObjectSchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

const registered = new WeakMap<McpServer, Map<string, RegisteredTool>>();

/** Called by registerTool for every tool it registers on `server`. */
export function recordTool(server: McpServer, name: string, tool: RegisteredTool): void {
  const tools = registered.get(server) ?? new Map<string, RegisteredTool>();
  tools.set(name, tool);
  registered.set(server, tools);
}

/** After every tool is registered: tools/list answers with the compact listing. */
export function listToolsCompactly(server: McpServer): void {
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...(registered.get(server) ?? new Map<string, RegisteredTool>())]
      .filter(([, tool]) => tool.enabled)
      .map(([name, tool]) => listedTool(name, tool)),
  }));
}

function listedTool(name: string, tool: RegisteredTool): Tool {
  const input = normalizeObjectSchema(tool.inputSchema);
  const output = normalizeObjectSchema(tool.outputSchema);
  const listed: Tool = {
    name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    ...(tool.description === undefined ? {} : { description: tool.description }),
    inputSchema: input
      ? (compact(
          toJsonSchemaCompat(input, { pipeStrategy: 'input' }),
          'input',
        ) as Tool['inputSchema'])
      : { type: 'object', properties: {} },
    ...(tool.annotations ? { annotations: tool.annotations } : {}),
    ...(tool.execution && tool.execution.taskSupport !== 'forbidden'
      ? { execution: tool.execution }
      : {}),
    ...(tool._meta ? { _meta: tool._meta } : {}),
  };
  if (output)
    listed.outputSchema = compact(
      toJsonSchemaCompat(output, { pipeStrategy: 'output' }),
      'output',
    ) as Tool['outputSchema'];
  return listed;
}

function compact(schema: Record<string, unknown>, io: 'input' | 'output'): unknown {
  const { $schema: _dialect, ...rest } = schema;
  return withoutNoise(rest, io);
}

/** A schema without the keys above, at every level; under `properties` the keys are field names. */
function withoutNoise(value: unknown, io: 'input' | 'output', names = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutNoise(item, io));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => names || !isNoise(key, field, io))
      .map(([key, field]) => [key, withoutNoise(field, io, !names && key === 'properties')]),
  );
}

function isNoise(key: string, field: unknown, io: 'input' | 'output'): boolean {
  if (key === 'propertyNames') return JSON.stringify(field) === '{"type":"string"}';
  if (key !== 'additionalProperties') return false;
  return (field === false && io === 'output') || JSON.stringify(field) === '{}';
}
