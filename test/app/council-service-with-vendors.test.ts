/**
 * The council service over the real engine and the real provider adapters, pointed at the fake
 * vendor server (simulated council): what the extension host, MCP and the CLI get.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type { VoteResult } from '../../src/core/vote-types';
import { memoryLogger } from './support/council-fixture';
import { useVendorSuite, vendorCouncil } from '../support/vendor-council';

const CANARY = 'sk-canary-app-abcdef0123456789';

/** The prompt-reading simulated council and the schema-only one (`blind` model ids). */
const COUNCILS = [
  { name: 'the simulated council', readsPrompts: true, word: 'sim' },
  { name: 'the schema-only council', readsPrompts: false, word: 'blind' },
] as const;

for (const variant of COUNCILS)
  describe(`council service with the real engine and adapters (fake vendor server), against ${variant.name}`, function () {
    const gpt = `openai:gpt-${variant.word}`;
    const claude = `anthropic:claude-${variant.word}`;
    const gemini = `google:gemini-${variant.word}`;
    this.timeout(60_000);
    const suite = useVendorSuite();
    const keys: Record<string, string> = {
      openai: CANARY,
      anthropic: 'sk-test-anthropic',
      google: 'test-google-key',
    };

    function council(participants: string[]) {
      const logger = memoryLogger();
      const service = vendorCouncil(suite.vendor, {
        participants,
        folder: suite.folder,
        apiKey: (id) => keys[id],
        logger,
      });
      return { service, logger };
    }

    it('runs the simulated council to a unanimous product, with live events and a full transcript', async () => {
      const { service, logger } = council([gpt, claude, gemini]);
      const events: RunEvent[] = [];
      service.watchAllRuns((event) => events.push(event));
      const { runId } = await service.startConsensus({
        input: {
          task: 'Add a guard\nfor empty input',
          outputKind: 'code',
          context: {
            selection: 'function f(x) {\n  return x[0];\n}\n',
            filePath: 'src/f.js',
            languageId: 'javascript',
          },
        },
        origin: 'command',
      });
      const result = (await service.waitForResult(runId)) as ConsensusResult;
      assert.equal(result.status, 'unanimous');
      if (variant.readsPrompts)
        assert.equal(
          result.product,
          '// council: Add a guard\nfunction f(x) {\n  return x[0];\n}\n',
        );
      assert.ok(result.product && result.product.length > 0);
      assert.equal(result.converged, true);
      for (const signals of result.signals) assert.equal(typeof signals.scoreSpread, 'number');
      assert.equal(result.singleVendor, false);
      assert.ok(
        events.some((event) => event.type === 'token-delta'),
        'token deltas reach watchers',
      );
      const status = await service.getStatus(runId);
      assert.equal(status?.state, 'completed');
      const records = await service.readTranscript(runId);
      assert.equal(records[0]?.type, 'run-started');
      assert.equal(records.at(-1)?.type, 'run-finished');
      assert.ok(
        records.every((record, index) => index === 0 || record.seq > records[index - 1]!.seq),
      );
      assert.ok(!records.some((record) => (record.type as string) === 'token-delta'));
      const text = readFileSync(join(suite.folder, `${runId}.jsonl`), 'utf8');
      assert.ok(!text.includes(CANARY), 'no key in the transcript');
      assert.ok(
        logger.lines.every((line) => !line.includes(CANARY)),
        'no key in the logs',
      );
      const participants = await service.listParticipants();
      assert.ok(participants.every((p) => p.available && p.recentlyHealthy === true));
      service.dispose();
    });

    it('goes on without a participant that is down, listing it as abstained and unhealthy', async () => {
      const { service } = council([gpt, claude, `google:gemini-${variant.word}-down`]);
      const { runId } = await service.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text' },
        origin: 'mcp',
      });
      const result = (await service.waitForResult(runId)) as ConsensusResult;
      assert.ok(['unanimous', 'majority'].includes(result.status), result.status);
      if (variant.readsPrompts) assert.equal(result.product, 'Council answer: Name a colour');
      assert.ok(result.product && result.product.length > 0);
      const downId = `google:gemini-${variant.word}-down`;
      assert.ok(result.abstentions.some((a) => a.participantId === downId));
      const down = (await service.listParticipants()).find((p) => p.id === downId);
      assert.equal(down?.recentlyHealthy, false);
      service.dispose();
    });

    it('runs a vote with a judge that is not a voter', async () => {
      const { service } = council([gpt, claude, gemini]);
      const { runId } = await service.startVote({
        input: { question: 'Is this safe?', strategy: 'majority' },
        participants: [gpt, claude],
        origin: 'cli',
      });
      const result = (await service.waitForResult(runId)) as VoteResult;
      assert.equal(result.reached, true);
      if (variant.readsPrompts) assert.equal(result.winningAnswer, 'Council answer: Is this safe?');
      assert.equal(result.clusteredBy, 'model');
      assert.equal(result.judge?.id, gemini);
      service.dispose();
    });

    it('cancels a run whose calls are in flight', async () => {
      let release: () => void = () => {};
      suite.vendor.script({
        schemaName: 'draft',
        reply: {
          holdAfterFirstChunk: new Promise<void>((resolve) => {
            release = resolve;
          }),
        },
      });
      const { service } = council([gpt, claude]);
      const { runId } = await service.startConsensus({
        input: { task: 'Slow task', outputKind: 'text' },
        origin: 'panel',
      });
      await new Promise<void>((resolve) => {
        const stop = service.subscribe(runId, (event) => {
          if (event.type === 'token-delta') {
            stop();
            resolve();
          }
        });
      });
      assert.equal(await service.cancel(runId), true);
      const result = (await service.waitForResult(runId)) as ConsensusResult;
      release();
      assert.equal(result.status, 'cancelled');
      assert.equal((await service.getStatus(runId))?.state, 'cancelled');
      assert.equal((await service.listRuns())[0]?.state, 'cancelled');
      service.dispose();
    });
  });
