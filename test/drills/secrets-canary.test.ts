/**
 * Issue 7 drill, secrets: unique canary keys per vendor go in through the environment and must
 * come out nowhere a user, a calling model, a log reader or a vendor's request log could see
 * them — not in tool results, resources, stderr, transcripts, exports, CLI output, or the
 * editor-launched bridge child's environment — while each vendor did receive its own key.
 * A proxy in front of the fake vendor sees the raw credential headers, and for the error drills
 * plays a vendor that echoes the whole key back in its error messages.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { exportRunAsJson, exportRunAsMarkdown } from '../../src/app/export-run';
import { parseJsonl } from '../../src/app/jsonl-transcript-store';
import { buildServerLaunch, SCRUBBED_KEY_VARIABLES } from '../../src/extension/mcp/server-launch';
import { runCliProcess } from '../cli/support/cli-process';
import {
  startFakeVendorServer,
  type FakeVendorServer,
  type RecordedRequest,
  type Vendor,
} from '../fake-vendor/fake-vendor-server';
import { buildOnce } from '../mcp/support/build-once';
import { spawnClient, type SpawnedClient } from '../mcp/support/spawn-client';
import { assertNoCanary, canaryValues, makeCanaries } from './support/canary';
import { startCredentialWitness, type CredentialWitness } from './support/credential-witness-proxy';
import { readTree } from './support/read-tree';
import { standaloneEnvironment } from './support/standalone-environment';
import { everythingIn, textOf } from './support/tool-result-text';

const canaries = makeCanaries();
const VENDOR_OF_PATH: [string, keyof typeof canaries][] = [
  ['/openai/', 'openai'],
  ['/anthropic/', 'anthropic'],
  ['/google/', 'google'],
];

interface Seen {
  where: string;
  text: string;
}

describe('drill: API keys never leak (canary keys)', function () {
  this.timeout(120_000);
  let vendor: FakeVendorServer;
  let witness: CredentialWitness;
  /** Vendors that answer "bad key" while listed here. */
  const unauthorized = new Set<Vendor>();
  /** Every request the fake vendor recorded, kept across resets. */
  const recorded: RecordedRequest[] = [];

  before(async () => {
    buildOnce();
    vendor = await startFakeVendorServer();
    witness = await startCredentialWitness({ target: vendor.url, expectedKeys: { ...canaries } });
  });

  afterEach(() => {
    unauthorized.clear();
    witness.echoKeyInErrors = false;
  });

  after(async () => {
    await witness?.close();
    await vendor?.close();
  });

  /** Every model call reached its vendor with that vendor's own key, exactly. */
  function assertKeysReachedVendors(): void {
    const calls = vendor.calls;
    assert.ok(calls.length > 0, 'the vendors were called');
    for (const call of calls) assert.equal(call.authSent, true, `credential sent on ${call.path}`);
    const modelRequests = witness.requests.filter((request) =>
      /\/(responses|messages|chat\/completions)$|:(stream)?[gG]enerateContent$/.test(request.path),
    );
    for (const [prefix, name] of VENDOR_OF_PATH)
      assert.ok(
        modelRequests.some((request) => request.path.startsWith(prefix)),
        `the witness saw ${name} model calls`,
      );
    for (const request of modelRequests) {
      const expected = VENDOR_OF_PATH.find(([prefix]) => request.path.startsWith(prefix))?.[1];
      assert.equal(
        request.matchedKey,
        expected,
        `${request.path} carried the ${expected} key in ${request.credentialHeader ?? 'no header'}`,
      );
    }
  }

  describe('the MCP server (standalone, stdio)', () => {
    let dataDir: string;
    let spawned: SpawnedClient;
    const seen: Seen[] = [];
    const runIds: string[] = [];

    before(async () => {
      vendor.reset();
      vendor.script({
        reply: (call) => (unauthorized.has(call.vendor) ? { fault: 'unauthorized' } : {}),
      });
      witness.requests.length = 0;
      dataDir = mkdtempSync(join(tmpdir(), 'mlo-drill-secrets-mcp-'));
      spawned = await spawnClient(standaloneEnvironment(witness.baseUrls, canaries, dataDir));
    });

    after(async () => {
      await spawned?.close();
      recorded.push(...vendor.requests);
      rmSync(dataDir, { recursive: true, force: true });
    });

    afterEach(function () {
      if (this.currentTest?.state === 'failed')
        process.stderr.write(`server stderr:\n${spawned.stderr().slice(-4000)}\n`);
    });

    const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => {
      const result = (await spawned.client.callTool({ name, arguments: args }, undefined, {
        timeout: 100_000,
      })) as CallToolResult;
      seen.push({ where: `${name} result`, text: everythingIn(result) });
      return result;
    };

    it('runs, votes, lists, reads logs and resources, and fails on bad keys (the work the checks look at)', async () => {
      const run = await call('run_consensus_task', {
        task: 'Describe the canary in the coal mine',
      });
      assert.notEqual(run.isError, true, textOf(run));
      runIds.push((run.structuredContent as { taskId: string }).taskId);

      const vote = await call('consensus_vote', {
        question: 'Is a canary a bird? Answer yes or no.',
      });
      assert.notEqual(vote.isError, true, textOf(vote));
      runIds.push((vote.structuredContent as { taskId: string }).taskId);

      await call('list_participants', {});

      // One vendor rejects its key, echoing it whole: that participant drops out with a message.
      unauthorized.add('anthropic');
      witness.echoKeyInErrors = true;
      const degraded = await call('run_consensus_task', { task: 'Name a yellow songbird' });
      runIds.push((degraded.structuredContent as { taskId: string }).taskId);
      assert.match(textOf(degraded), /anthropic:claude-sim/, 'the failing participant is named');

      // Every vendor rejects its key: the vote fails as a whole, with error text.
      unauthorized.add('openai').add('google');
      const failed = await call('consensus_vote', { question: 'Which bird sings loudest?' });
      assert.equal(failed.isError, true, textOf(failed));
      runIds.push((failed.structuredContent as { taskId: string }).taskId);
      assert.ok(
        witness.requests.some((request) => request.echoedKey),
        'the vendor did echo a whole key (the redaction was exercised)',
      );

      for (const taskId of runIds) {
        for (const format of ['json', 'markdown']) {
          let offset: number | undefined = 0;
          while (offset !== undefined) {
            const page = await call('get_iteration_log', { taskId, format, offset });
            assert.notEqual(page.isError, true, textOf(page));
            offset = (page.structuredContent as { nextOffset?: number }).nextOffset;
          }
        }
        await call('get_task_status', { taskId });
        await call('get_task_result', { taskId });
      }

      const { resources } = await spawned.client.listResources();
      seen.push({ where: 'resources/list', text: JSON.stringify(resources) });
      const uris = new Set(resources.map((resource) => resource.uri));
      for (const taskId of runIds) uris.add(`mlo://runs/${taskId}/transcript`);
      for (const uri of uris) {
        const read = await spawned.client.readResource({ uri });
        seen.push({ where: `resource ${uri}`, text: JSON.stringify(read) });
      }
      assert.ok(
        [...uris].some((uri) => uri.endsWith('/final')),
        'a final product resource was read',
      );
    });

    it('no tool result or resource holds a key', () => {
      assert.ok(seen.length >= 20, `results looked at: ${seen.length}`);
      assert.ok(
        seen.some(({ text }) => /unauthori|invalid x-api-key|API key/i.test(text)),
        'some result carries the vendor error (so error paths were looked at)',
      );
      assert.ok(
        seen.some(({ text }) => text.includes('[redacted]')),
        'the echoed key shows as [redacted] where the vendor error is passed on',
      );
      for (const { where, text } of seen) assertNoCanary(where, text, canaries);
    });

    it("the server's stderr holds no key", () => {
      assert.match(spawned.stderr(), /run \S+ .*started/);
      assertNoCanary('the MCP server stderr', spawned.stderr(), canaries);
    });

    it('no file in the data folder (transcripts) holds a key', () => {
      const files = readTree(dataDir);
      for (const runId of runIds)
        assert.ok(
          files.some((file) => file.path.endsWith(`${runId}.jsonl`)),
          `transcript of ${runId}`,
        );
      for (const file of files) assertNoCanary(file.path, file.text, canaries);
    });

    it('the JSON and Markdown exports of every run hold no key', () => {
      // The extension's export command renders with these; no MCP tool or CLI flag exports.
      for (const file of readTree(dataDir).filter((f) => f.path.endsWith('.jsonl'))) {
        const runId = file.path.slice(file.path.lastIndexOf('/') + 1, -'.jsonl'.length);
        const records = parseJsonl(file.text);
        const json = exportRunAsJson(runId, records);
        const markdown = exportRunAsMarkdown(records);
        assert.ok(json.includes(runId) && markdown.length > 100, `export of ${runId} has content`);
        assertNoCanary(`the JSON export of ${runId}`, json, canaries);
        assertNoCanary(`the Markdown export of ${runId}`, markdown, canaries);
      }
    });

    it('no request body sent to a vendor holds a key, while every vendor got its own key as credential', () => {
      assertNoCanary(
        'the requests recorded by the fake vendor',
        JSON.stringify(vendor.requests),
        canaries,
      );
      assertKeysReachedVendors();
    });
  });

  describe('the CLI (dist/cli.js)', () => {
    let dataDir: string;
    let env: Record<string, string>;
    const outputs: Seen[] = [];

    before(() => {
      vendor.reset();
      vendor.script({
        reply: (call) => (unauthorized.has(call.vendor) ? { fault: 'unauthorized' } : {}),
      });
      witness.requests.length = 0;
      dataDir = mkdtempSync(join(tmpdir(), 'mlo-drill-secrets-cli-'));
      env = standaloneEnvironment(witness.baseUrls, canaries, dataDir);
    });

    after(() => {
      recorded.push(...vendor.requests);
      rmSync(dataDir, { recursive: true, force: true });
    });

    const cli = async (label: string, args: string[]) => {
      const result = await runCliProcess(args, env);
      outputs.push({ where: `${label} stdout`, text: result.stdout });
      outputs.push({ where: `${label} stderr`, text: result.stderr });
      return result;
    };

    it('run --json and vote --json print their results without any key', async () => {
      const run = await cli('mlo run', ['run', 'Describe a canary', '--json']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { status: string }).status, 'unanimous');
      const vote = await cli('mlo vote', ['vote', 'Is a canary yellow? yes or no', '--json']);
      assert.equal(vote.code, 0, vote.stderr);
      assert.equal((JSON.parse(vote.stdout) as { reached: boolean }).reached, true);
      for (const { where, text } of outputs) assertNoCanary(where, text, canaries);
    });

    it('a vendor rejecting its key (401, echoing it) is reported without the key', async () => {
      witness.echoKeyInErrors = true;
      unauthorized.add('openai');
      const degraded = await cli('mlo run (openai 401)', ['run', 'Describe a finch']);
      assert.match(degraded.stderr, /openai:gpt-sim/, 'the failing participant is named');
      unauthorized.add('anthropic').add('google');
      const failed = await cli('mlo run (all 401)', ['run', 'Describe a robin', '--json']);
      assert.equal(failed.code, 1, failed.stderr);
      const failedVote = await cli('mlo vote (all 401)', ['vote', 'Robin or wren?']);
      assert.equal(failedVote.code, 1, failedVote.stderr);
      assert.ok(
        witness.requests.some((request) => request.echoedKey),
        'the vendor did echo a whole key',
      );
      assert.match(
        failed.stderr + failed.stdout,
        /key|unauthori|401/i,
        'the error output says what went wrong',
      );
      assert.ok(
        outputs.some(({ text }) => text.includes('[redacted]')),
        'the echoed key shows as [redacted] in the error output',
      );
      for (const { where, text } of outputs) assertNoCanary(where, text, canaries);
    });

    it('no file in the data folder holds a key, no request body either, and each vendor got its key', () => {
      const files = readTree(dataDir);
      assert.ok(files.length >= 5, `transcripts written: ${files.length}`);
      for (const file of files) assertNoCanary(file.path, file.text, canaries);
      assertNoCanary(
        'the requests recorded by the fake vendor',
        JSON.stringify(vendor.requests),
        canaries,
      );
      assertKeysReachedVendors();
    });
  });

  describe("the editor's MCP bridge child", () => {
    const parentEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      OPENAI_API_KEY: canaries.openai,
      ANTHROPIC_API_KEY: canaries.anthropic,
      GEMINI_API_KEY: canaries.google,
      GOOGLE_API_KEY: canaries.google,
    };

    /** How the editor applies a launch env to its own: null removes, a string sets. */
    function childEnvironment(): Record<string, string> {
      const launch = buildServerLaunch('/extensions/mlo');
      const env: Record<string, string> = { ...parentEnv };
      for (const [name, value] of Object.entries(launch.env)) {
        if (value === null) delete env[name];
        else env[name] = value;
      }
      return env;
    }

    it('the launch builder removes every key variable and runs Electron as Node', () => {
      const launch = buildServerLaunch('/extensions/mlo');
      for (const name of SCRUBBED_KEY_VARIABLES) assert.equal(launch.env[name], null, name);
      const env = childEnvironment();
      assert.equal(env.ELECTRON_RUN_AS_NODE, '1');
      assert.equal(env.PATH, parentEnv.PATH, 'ordinary variables are inherited');
      assertNoCanary('the bridge child environment', JSON.stringify(env), canaries);
      assertNoCanary('the launch definition', JSON.stringify(launch), canaries);
    });

    it('the launch builder also removes OpenAI-compatible endpoint keys (MLO_<ID>_API_KEY)', () => {
      const compatibleKey = `${canaries.openai}-compatible`;
      const parent = { ...parentEnv, MLO_OPENROUTER_API_KEY: compatibleKey };
      const launch = buildServerLaunch('/extensions/mlo', {}, parent);
      const env: Record<string, string> = { ...parent };
      for (const [name, value] of Object.entries(launch.env)) {
        if (value === null) delete env[name];
        else env[name] = value;
      }
      assert.ok(
        !Object.values(env).includes(compatibleKey),
        'MLO_OPENROUTER_API_KEY reached the child',
      );
    });

    it('a child really spawned with that environment sees no key', () => {
      const child = spawnSync(
        process.execPath,
        ['-e', 'process.stdout.write(JSON.stringify(process.env))'],
        { env: childEnvironment(), encoding: 'utf8' },
      );
      assert.equal(child.status, 0, child.stderr);
      const seenEnv = JSON.parse(child.stdout) as Record<string, string>;
      assert.equal(seenEnv.ELECTRON_RUN_AS_NODE, '1');
      assertNoCanary('the spawned bridge child environment', child.stdout, canaries);
      for (const value of canaryValues(canaries))
        assert.ok(!Object.values(seenEnv).includes(value));
    });
  });

  describe('afterwards', () => {
    it('across the MCP and CLI drills, no recorded vendor request holds a key', () => {
      assert.ok(recorded.length > 0);
      assertNoCanary('all recorded vendor requests', JSON.stringify(recorded), canaries);
    });
  });
});
