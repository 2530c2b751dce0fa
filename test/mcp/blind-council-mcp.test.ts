/**
 * The built dist/mcp-server.js over stdio against the schema-only simulated council
 * (test/fake-vendor/schema-only-council.ts): models that know nothing of our prompts.
 */
import { strict as assert } from 'node:assert';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useStandaloneServer } from './support/standalone-server';
import { assertMatchesOutputSchema } from './support/validate-output';

describe('dist/mcp-server.js over stdio against the schema-only simulated council', function () {
  this.timeout(120_000);
  const server = useStandaloneServer('mlo-mcp-blind-', 'blind');

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
    (await server.client.callTool({ name, arguments: args }, undefined, {
      timeout: 90_000,
    })) as CallToolResult;
  const opening = (result: CallToolResult) => (result.content[0] as { text: string }).text;

  it('run_consensus_task converges with scores, valid against its outputSchema', async () => {
    const result = await call('run_consensus_task', { task: 'Add input validation to the parser' });
    assert.notEqual(result.isError, true, opening(result));
    const structured = result.structuredContent as {
      status: string;
      lastSignals?: { scoreSpread: number | null };
    };
    assert.ok(['unanimous', 'majority'].includes(structured.status), structured.status);
    assert.equal(typeof structured.lastSignals?.scoreSpread, 'number');
    await assertMatchesOutputSchema(server.client, 'run_consensus_task', result.structuredContent);
  });

  it('consensus_vote is reached, the schema-only judge grouping by label', async () => {
    const result = await call('consensus_vote', {
      question: 'Should retries back off exponentially?',
      participants: ['openai:gpt-blind', 'anthropic:claude-blind'],
    });
    assert.notEqual(result.isError, true, opening(result));
    const structured = result.structuredContent as { reached: boolean };
    assert.equal(structured.reached, true);
    await assertMatchesOutputSchema(server.client, 'consensus_vote', result.structuredContent);
  });

  it('with every review unusable the result says no-usable-reviews and what to do, spread unknown', async () => {
    const result = await call('run_consensus_task', {
      task: 'Name a colour',
      participants: [
        'openai:gpt-blind-wrong',
        'anthropic:claude-blind-wrong',
        'google:gemini-blind-wrong',
      ],
    });
    assert.notEqual(result.isError, true, opening(result));
    const structured = result.structuredContent as {
      status: string;
      stopReason: string;
      notices?: { cause: string; hint: string }[];
      lastSignals?: { scoreSpread: number | null; cause?: string };
    };
    assert.equal(structured.notices?.[0]?.cause, 'no-usable-reviews');
    assert.equal(structured.lastSignals?.scoreSpread, null);
    assert.equal(structured.lastSignals?.cause, 'no-usable-reviews');
    assert.match(opening(result), /no usable review arrived/);
    assert.match(opening(result), /structured output/);
    assert.equal(structured.status, 'provisional');
    assert.equal(structured.stopReason, 'no-usable-reviews');
    assert.match(
      opening(result),
      /could not score its proposals and stopped: this is not a deadlock/,
    );
    assert.match(opening(result), /other participants \(models that support structured output/);
    assert.match(opening(result), /check the unscored product below yourself/);
    assert.doesNotMatch(
      opening(result),
      /frozen|round cap was reached|more maxRounds|use the product below as the answer/,
    );
    await assertMatchesOutputSchema(server.client, 'run_consensus_task', result.structuredContent);
  });
});
