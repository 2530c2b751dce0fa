/**
 * Issue 14's figures, each measured in one run against the fake vendor server (the real SDKs):
 * - dataflowSpeedup: a 2-round consensus (round cap 2) whose three members answer in 1, 1 and 3
 *   units, dataflow wall time over the same run with phase barriers;
 * - deadVoterRatio: a 3-voter poll with one voter always answering 500 over three healthy;
 * - earlyDecisionRatio: a 5-voter majority poll, 3 agreeing in 1 unit and 2 taking 8, over 1 unit;
 * - toolsListChars: the JSON of tools/list (default set and the `core` profile), SDK Client;
 * - votePromptChars: one voter's prompt plus its schema for a one-line question, against the
 *   bare question plus a minimal {answer, reasoning} schema.
 */
import { z } from 'zod';
import { runConsensus, runVote } from '../../src/core/engine';
import { voteAnswerPrompt } from '../../src/core/consensus-prompts';
import { SCHEMAS } from '../../src/core/structured-schemas';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { resolveSchemaName, simulateCouncilReply } from '../fake-vendor/simulated-council';
import type { ModelCall } from '../fake-vendor/script-rule';
import { toolsListChars } from '../mcp/support/tools-list-chars';
import { vendorParticipant } from '../support/vendor-participants';
import type { BenchModule } from './bench-module';

const UNIT_MS = 400;
const QUESTION = 'Should the team use tabs or spaces for indentation?';

/**
 * Every call waits its member's latency. Reviews ask for major changes with new critique and
 * moving scores each round, and merges change the text, so no round converges or deadlocks:
 * the run goes to the round cap and through the final phase.
 */
function scriptLatencies(vendor: FakeVendorServer, units: Record<string, number>): void {
  const counts = new Map<string, number>();
  vendor.script({
    reply: (call: ModelCall) => {
      // A rule answers before the fake's own "down" fault, so a dead voter is scripted here too.
      if (call.model.includes('down')) return { fault: 'server-error' };
      const delayMs = (units[call.model] ?? 1) * UNIT_MS;
      const schemaName = resolveSchemaName(call.schemaName, call.schema);
      if (schemaName !== 'review' && schemaName !== 'merge') return { delayMs };
      const key = `${call.model}:${schemaName}`;
      const nth = (counts.get(key) ?? 0) + 1;
      counts.set(key, nth);
      const reply = JSON.parse(
        simulateCouncilReply({
          model: call.model,
          prompt: call.userText,
          system: call.system,
          ...(call.schemaName ? { schemaName: call.schemaName } : {}),
          schema: call.schema,
        }),
      ) as Record<string, unknown> & {
        reviews?: Record<string, Record<string, unknown>>;
        product?: string;
      };
      if (schemaName === 'merge')
        return {
          delayMs,
          text: JSON.stringify({
            ...reply,
            product: `${reply.product} ${call.model} revision ${nth} ${'x'.repeat(nth * 40)}`,
          }),
        };
      // The review schema is keyed by label (src/core/review-schema.ts): one entry per proposal.
      const reviews = Object.fromEntries(
        Object.entries(reply.reviews ?? {}).map(([label, review]) => [
          label,
          {
            ...review,
            score: 3 + 2 * nth,
            critique: [`round ${nth}: ${call.model} wants ${'detail '.repeat(nth)}`],
          },
        ]),
      );
      return { delayMs, text: JSON.stringify({ ...reply, reviews, improvementRoom: 'major' }) };
    },
  });
}

async function consensusWall(vendor: FakeVendorServer, mode: 'dataflow' | 'barrier') {
  vendor.reset();
  scriptLatencies(vendor, { 'gpt-a': 1, 'claude-b': 1, 'gemini-c': 3 });
  const participants = [
    vendorParticipant(vendor, 'openai:gpt-a'),
    vendorParticipant(vendor, 'anthropic:claude-b'),
    vendorParticipant(vendor, 'google:gemini-c'),
  ];
  const started = performance.now();
  const result = await runConsensus(
    { task: 'Name a colour', outputKind: 'text', seed: 1, maxRounds: 2, scheduling: { mode } },
    { participants },
  );
  return { wallMs: performance.now() - started, result };
}

async function pollWall(vendor: FakeVendorServer, specs: string[], units: Record<string, number>) {
  vendor.reset();
  scriptLatencies(vendor, units);
  const participants = specs.map((spec) => vendorParticipant(vendor, spec as `openai:${string}`));
  const started = performance.now();
  const result = await runVote({ question: QUESTION, strategy: 'majority' }, { participants });
  return { wallMs: performance.now() - started, result };
}

function votePromptChars(): { chars: number; bare: number } {
  const prompt = voteAnswerPrompt(QUESTION, undefined, undefined);
  const chars =
    prompt.system.length +
    prompt.messages.reduce((sum, message) => sum + message.content.length, 0) +
    JSON.stringify(SCHEMAS.voteAnswer.jsonSchema.schema).length;
  const bareSchema = z.toJSONSchema(z.strictObject({ answer: z.string(), reasoning: z.string() }));
  const { $schema: _ignored, ...schema } = bareSchema as Record<string, unknown>;
  return { chars, bare: QUESTION.length + JSON.stringify(schema).length };
}

export const speedBench: BenchModule = {
  name: 'scheduling and footprint (issue 14)',
  async run() {
    const vendor = await startFakeVendorServer();
    try {
      await pollWall(vendor, ['openai:gpt-a', 'anthropic:claude-b', 'google:gemini-c'], {}); // warm-up: SDKs loaded
      const barrier = await consensusWall(vendor, 'barrier');
      const dataflow = await consensusWall(vendor, 'dataflow');
      const three = ['openai:gpt-a', 'anthropic:claude-b', 'google:gemini-c'];
      const healthy = await pollWall(vendor, three, {});
      const dead = await pollWall(
        vendor,
        ['openai:gpt-a', 'anthropic:claude-b', 'google:gemini-down'],
        {},
      );
      const five = [...three, 'openai:gpt-slow', 'anthropic:claude-slow'];
      const early = await pollWall(vendor, five, { 'gpt-slow': 8, 'claude-slow': 8 });
      const full = await toolsListChars();
      const core = await toolsListChars('core');
      const prompt = votePromptChars();
      // A figure of runs that did not do what the scenario says would mean nothing.
      for (const [name, run] of [
        ['barrier', barrier],
        ['dataflow', dataflow],
      ] as const)
        if (run.result.status === 'failed' || run.result.roundsCompleted < 2)
          throw new Error(`the ${name} consensus did not run its 2 rounds (${run.result.status})`);
      if (dead.result.failed.length !== 1) throw new Error('the dead voter did not fail');
      const fields = {
        dataflowSpeedup: +(dataflow.wallMs / barrier.wallMs).toFixed(3),
        dataflowWallMs: Math.round(dataflow.wallMs),
        barrierWallMs: Math.round(barrier.wallMs),
        deadVoterRatio: +(dead.wallMs / healthy.wallMs).toFixed(3),
        // "Over 1 unit": over a poll whose every voter answers in 1 unit (the healthy poll).
        earlyDecisionRatio: +(early.wallMs / healthy.wallMs).toFixed(3),
        toolsListChars: full.chars,
        toolsListCharsCore: core.chars,
        votePromptChars: prompt.chars,
        votePromptRatio: +(prompt.chars / prompt.bare).toFixed(3),
        speedUnitMs: UNIT_MS,
      };
      const row = (name: string, values: Record<string, string | number>) => ({ name, values });
      return {
        rows: [
          row('consensus, barrier', {
            'wall ms': fields.barrierWallMs,
            status: barrier.result.status,
            calls: barrier.result.cost.calls,
          }),
          row('consensus, dataflow', {
            'wall ms': fields.dataflowWallMs,
            status: dataflow.result.status,
            calls: dataflow.result.cost.calls,
            ratio: fields.dataflowSpeedup,
          }),
          row('poll, 3 healthy', {
            'wall ms': Math.round(healthy.wallMs),
            reached: String(healthy.result.reached),
          }),
          row('poll, 1 voter 500', {
            'wall ms': Math.round(dead.wallMs),
            reached: String(dead.result.reached),
            ratio: fields.deadVoterRatio,
            failed: dead.result.failed.length,
          }),
          row('poll, 5 voters, 2 slow', {
            'wall ms': Math.round(early.wallMs),
            reached: String(early.result.reached),
            ratio: fields.earlyDecisionRatio,
            'not needed': early.result.notNeeded?.length ?? 0,
          }),
          row('tools/list default', { chars: full.chars, tools: full.count }),
          row('tools/list core', { chars: core.chars, tools: core.count }),
          row('vote prompt', {
            chars: prompt.chars,
            'bare + schema': prompt.bare,
            ratio: fields.votePromptRatio,
          }),
        ],
        fields,
      };
    } finally {
      await vendor.close();
    }
  },
};

if (process.argv[1]?.endsWith('speed.bench.ts')) {
  void speedBench.run().then((outcome) => {
    for (const row of outcome.rows) console.log(row.name, JSON.stringify(row.values));
    console.log(JSON.stringify(outcome.fields));
  });
}
