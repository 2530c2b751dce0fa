/** Validates a tool's structuredContent against the outputSchema the server advertised, with ajv. */
import { Ajv } from 'ajv';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

const ajv = new Ajv({ strict: false, allErrors: true });

export async function assertMatchesOutputSchema(
  client: Client,
  tool: string,
  structured: unknown,
): Promise<void> {
  const { tools } = await client.listTools();
  const schema = tools.find((t) => t.name === tool)?.outputSchema;
  if (!schema) throw new Error(`${tool} advertises no outputSchema`);
  const validate = ajv.compile(schema);
  if (!validate(structured)) {
    throw new Error(
      `${tool} structuredContent does not match its outputSchema: ${ajv.errorsText(validate.errors)}`,
    );
  }
}
