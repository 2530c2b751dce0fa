import { strict as assert } from 'node:assert';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  CreateMessageRequestSchema,
  type CreateMessageRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../src/mcp/create-server';
import { createSamplingModelFactory } from '../../src/mcp/sampling-language-model';
import { ModelError } from '../../src/core/model-error';
import { FakeCouncil } from './support/fake-council';

async function connect(withSampling: boolean) {
  const server = createServer(new FakeCouncil(), { mode: 'standalone' });
  const client = new Client(
    { name: 'agent', version: '1' },
    { capabilities: withSampling ? { sampling: {} } : {} },
  );
  const seen: CreateMessageRequest['params'][] = [];
  if (withSampling) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      seen.push(request.params);
      return {
        role: 'assistant',
        model: 'client-model-1',
        content: { type: 'text', text: '```json\n{"product":"p","rationale":"r"}\n```' },
        stopReason: 'endTurn',
      };
    });
  }
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  const factory = createSamplingModelFactory(() => server.server);
  return { factory, seen, close: async () => (await client.close(), await server.close()) };
}

describe("the caller's own model as a participant (MCP sampling)", () => {
  it('sends sampling/createMessage with the persona as system prompt and returns the JSON answer', async () => {
    const { factory, seen, close } = await connect(true);
    try {
      assert.equal(factory('openai', 'gpt'), undefined);
      const model = factory('sampling', 'claude-sonnet');
      assert.ok(model);
      const deltas: string[] = [];
      const response = await model.generate({
        system: 'You are the security reviewer.',
        messages: [{ role: 'user', content: '<task>Draft</task>' }],
        jsonSchema: { name: 'draft', schema: { type: 'object' } },
        signal: new AbortController().signal,
        onTextDelta: (d) => deltas.push(d),
      });
      assert.deepEqual(JSON.parse(response.text), { product: 'p', rationale: 'r' });
      assert.equal(response.modelId, 'client-model-1');
      assert.equal(deltas.join(''), response.text);
      const params = seen[0]!;
      assert.match(params.systemPrompt ?? '', /^You are the security reviewer\./);
      assert.match(params.systemPrompt ?? '', /JSON Schema/);
      assert.deepEqual(params.modelPreferences?.hints, [{ name: 'claude-sonnet' }]);
    } finally {
      await close();
    }
  });

  it('fails with an error naming the sampling capability when the client lacks it', async () => {
    const { factory, close } = await connect(false);
    try {
      const model = factory('sampling', 'any')!;
      await assert.rejects(
        model.generate({
          system: 's',
          messages: [{ role: 'user', content: 'x' }],
          signal: new AbortController().signal,
        }),
        (error: unknown) =>
          error instanceof ModelError &&
          /"sampling" capability/.test(error.message) &&
          /Configure Model Access/.test(error.hint ?? ''),
      );
    } finally {
      await close();
    }
  });
});
