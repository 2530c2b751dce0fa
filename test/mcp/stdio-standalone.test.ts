/**
 * Acceptance 1–4 of issue 5: the built dist/mcp-server.js over stdio, standalone mode, the real
 * providers pointed at the fake vendor server, once with the simulated council that reads our
 * prompts and once with the schema-only one that knows nothing of them (model ids with `blind`,
 * test/fake-vendor/schema-only-council.ts). Assertions about the simulated council's own text
 * ("Council answer: …") hold only for the first; status, completeness and result shape for both.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import {
  CreateMessageRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { schemaOnlyReply } from '../fake-vendor/schema-only-council';
import { simulateCouncilReply } from '../fake-vendor/simulated-council';
import { SERVER_PATH } from './support/build-once';
import { initializeRequest } from './support/initialize-request';
import { spawnClient } from './support/spawn-client';
import { useStandaloneServer } from './support/standalone-server';
import { assertMatchesOutputSchema } from './support/validate-output';

const TASK = 'Add input validation\nto the parser';

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

interface FakeCouncilKind {
  name: string;
  /** The word in every model id that picks this council in the fake vendor. */
  word: 'sim' | 'blind';
  /** The simulated council's answers quote the task ("Council answer: …"); the schema-only one's do not. */
  readsPrompts: boolean;
  /** How the MCP client's own model answers a sampling request. */
  sample: (request: { model: string; prompt: string; system: string; schema: object }) => string;
}

const COUNCILS: FakeCouncilKind[] = [
  {
    name: 'the prompt-reading simulated council',
    word: 'sim',
    readsPrompts: true,
    sample: (request) => simulateCouncilReply(request),
  },
  {
    name: 'the schema-only simulated council',
    word: 'blind',
    readsPrompts: false,
    sample: ({ model, schema }) => schemaOnlyReply({ model, schema }),
  },
];

for (const kind of COUNCILS) describeStandalone(kind);

function describeStandalone(kind: FakeCouncilKind): void {
  describe(`dist/mcp-server.js over stdio, standalone mode (fake vendor server, ${kind.name})`, function () {
    this.timeout(120_000);
    const server = useStandaloneServer('mlo-mcp-test-', kind.word, {
      // The SDKs' own debug logging on: it goes to the server's logger (src/providers/common/
      // sdk-logger.ts), which drops it; stdout stays JSON-RPC (the raw capture below).
      ANTHROPIC_LOG: 'debug',
      OPENAI_LOG: 'debug',
    });

    afterEach(function () {
      // A failing test shows what the server said on stderr (crash traces land there).
      if (this.currentTest?.state === 'failed')
        process.stderr.write(`server stderr:\n${server.spawned.stderr().slice(-4000)}\n`);
    });

    after(() => {
      // After the fixture's own after hook: the client closed, the fake and the folder gone.
      assert.deepEqual(
        server.spawned.errors.map((e) => e.message),
        [],
        'no transport errors (stdout held only JSON-RPC)',
      );
    });

    const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
      (await server.client.callTool({ name, arguments: args })) as CallToolResult;

    // The tool list and input validation never reach a model: registered once, not per council.
    const councilIndependent = (title: string, test: () => Promise<void>): void => {
      if (kind.readsPrompts) it(title, test);
    };

    councilIndependent('lists the tools with input and output schemas', async () => {
      const { tools } = await server.client.listTools();
      assert.equal(tools.length, 13);
      for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object');
        assert.equal(tool.outputSchema?.type, 'object', tool.name);
      }
    });

    councilIndependent(
      'MLO_TOOLS narrows the list; a field another tool describes is described here when that tool is not listed',
      async () => {
        const described = async (tools: string) => {
          const own = await spawnClient({ ...server.env, MLO_TOOLS: tools });
          try {
            const listed = (await own.client.listTools()).tools;
            const start = listed.find((t) => t.name === 'start_consensus_task')!;
            const fields = Object.values(start.inputSchema.properties ?? {}) as {
              description?: string;
            }[];
            return { count: listed.length, described: fields.filter((f) => f.description).length };
          } finally {
            await own.close();
          }
        };
        assert.deepEqual(await described('core'), { count: 7, described: 0 });
        assert.deepEqual(await described('start_consensus_task,get_task_status'), {
          count: 2,
          described: 11,
        });
      },
    );

    let oneShotProduct = '';
    it('run_consensus_task converges, with structured content valid against its outputSchema and progress notifications', async () => {
      const progress: string[] = [];
      const result = (await server.client.callTool(
        { name: 'run_consensus_task', arguments: { task: TASK } },
        undefined,
        {
          onprogress: (p) => progress.push(p.message ?? ''),
          resetTimeoutOnProgress: true,
          timeout: 90_000,
        },
      )) as CallToolResult;
      assert.notEqual(result.isError, true, textOf(result));
      const structured = result.structuredContent as {
        status: string;
        converged: boolean;
        product: string;
        participants: unknown[];
        abstentions: unknown[];
        notices?: unknown[];
        lastSignals?: { scoreSpread: number | null; meanScores: Record<string, number> };
      };
      assert.equal(structured.converged, true);
      assert.equal(structured.status, 'unanimous');
      assert.equal(structured.participants.length, 3);
      // No review lost: every author got peer scores in the last round, and nothing dropped out.
      assert.equal(Object.keys(structured.lastSignals?.meanScores ?? {}).length, 3);
      assert.equal(typeof structured.lastSignals?.scoreSpread, 'number');
      assert.deepEqual(structured.abstentions, []);
      assert.equal(structured.notices, undefined);
      if (kind.readsPrompts)
        assert.match(structured.product, /Council answer: Add input validation/);
      else assert.ok(structured.product.trim().length > 0, 'a product');
      oneShotProduct = structured.product;
      await assertMatchesOutputSchema(
        server.client,
        'run_consensus_task',
        result.structuredContent,
      );
      assert.ok(progress.length >= 3, `progress notifications: ${progress.join(' | ')}`);
      assert.ok(
        server.vendor.requests.length >= 9,
        'the models were really called through the vendor wire formats',
      );
    });

    it('start_consensus_task returns a task id at once; status shows phase and round; the result equals the one-shot product', async () => {
      // Every draft waits until the status was read, so the run is mid-way in its draft phase
      // (with one draft held, the others' reviews may start: dataflow scheduling).
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      server.vendor.script({
        schemaName: 'draft',
        times: 3,
        reply: { holdAfterFirstChunk: gate },
      });
      const started = await call('start_consensus_task', { task: TASK });
      assert.notEqual(started.isError, true, textOf(started));
      const { taskId } = started.structuredContent as { taskId: string };
      let s = { state: 'pending' } as { state: string; phase?: string; round?: number };
      for (
        let i = 0;
        i < 50 && s.phase === undefined && ['pending', 'in_progress'].includes(s.state);
        i++
      ) {
        const status = await call('get_task_status', { taskId });
        s = status.structuredContent as typeof s;
        if (s.phase === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      release();
      server.vendor.reset();
      assert.deepEqual(
        { state: s.state, phase: s.phase, round: s.round },
        { state: 'in_progress', phase: 'draft', round: 1 },
      );
      let result = await call('get_task_result', { taskId, waitSeconds: 50 });
      for (let i = 0; i < 3 && !(result.structuredContent as { finished: boolean }).finished; i++) {
        result = await call('get_task_result', { taskId, waitSeconds: 50 });
      }
      const consensus = (result.structuredContent as { consensus?: { product: string } }).consensus;
      assert.equal(consensus?.product, oneShotProduct);
      await assertMatchesOutputSchema(server.client, 'get_task_result', result.structuredContent);
    });

    it('cancel_task stops a running task', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      server.vendor.script({ vendor: 'openai', reply: { holdAfterFirstChunk: gate } });
      const started = await call('start_consensus_task', { task: 'Something slow' });
      const { taskId } = started.structuredContent as { taskId: string };
      const cancelled = await call('cancel_task', { taskId });
      release();
      server.vendor.reset();
      assert.equal(
        (cancelled.structuredContent as { cancelled: boolean }).cancelled,
        true,
        textOf(cancelled),
      );
      const status = await call('get_task_status', { taskId });
      assert.equal((status.structuredContent as { state: string }).state, 'cancelled');
    });

    it('cancel_task with keepBest ends a running consensus with the best so far: provisional, with its reasons and scores', async () => {
      // Every ratification stalls after its first piece: the run has merged, scored proposals
      // and is still going when the caller says "take the best so far".
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      server.vendor.script({ schemaName: 'ratification', reply: { holdAfterFirstChunk: gate } });
      try {
        const started = await call('start_consensus_task', { task: TASK });
        assert.notEqual(started.isError, true, textOf(started));
        const { taskId } = started.structuredContent as { taskId: string };
        let phase: string | undefined;
        for (let i = 0; i < 300 && phase !== 'ratify'; i++) {
          const status = await call('get_task_status', { taskId });
          phase = (status.structuredContent as { phase?: string }).phase;
          if (phase !== 'ratify') await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.equal(phase, 'ratify', 'the run reached the stalled ratification');

        const stopped = await call('cancel_task', { taskId, keepBest: true });
        assert.notEqual(stopped.isError, true, textOf(stopped));
        assert.equal((stopped.structuredContent as { cancelled: boolean }).cancelled, true);
        assert.match(textOf(stopped), /best proposal so far \(provisional\)/);
        assert.match(textOf(stopped), /get_task_result/);

        const result = await call('get_task_result', { taskId, waitSeconds: 10 });
        assert.notEqual(result.isError, true, textOf(result));
        const consensus = (
          result.structuredContent as {
            consensus?: {
              status: string;
              stopReason: string;
              product?: string;
              rationale?: string;
              lastSignals?: { meanScores: Record<string, number> };
            };
          }
        ).consensus;
        assert.equal(consensus?.status, 'provisional');
        assert.equal(consensus?.stopReason, 'stopped');
        assert.ok((consensus?.rationale ?? '').trim().length > 0, 'the reasons are kept');
        const scores = Object.values(consensus?.lastSignals?.meanScores ?? {});
        assert.equal(scores.length, 3, 'every proposal keeps its peer score');
        assert.ok(
          scores.every((score) => score >= 1 && score <= 10),
          String(scores),
        );
        if (kind.readsPrompts)
          assert.match(consensus?.product ?? '', /Council answer: Add input validation/);
        else assert.ok((consensus?.product ?? '').trim().length > 0, 'a product');
        assert.match(textOf(result), /status "provisional"/);
        // The product is its own content block, as for a finished run.
        assert.ok(result.content.some((c) => c.type === 'text' && c.text === consensus?.product));
        await assertMatchesOutputSchema(server.client, 'get_task_result', result.structuredContent);
      } finally {
        release();
        server.vendor.reset();
      }
    });

    it('a participant that is down is named once, with what to do, and the others still agree', async () => {
      const result = await call('run_consensus_task', {
        task: 'Rename the variable',
        participants: [
          `openai:gpt-${kind.word}`,
          `anthropic:claude-${kind.word}`,
          `google:gemini-${kind.word}-down`,
        ],
      });
      assert.notEqual(result.isError, true, textOf(result));
      const structured = result.structuredContent as {
        status: string;
        abstentions: { participantId: string; hint?: string }[];
      };
      assert.ok(['unanimous', 'majority'].includes(structured.status), structured.status);
      assert.ok(
        structured.abstentions.every(
          (a) => a.participantId === `google:gemini-${kind.word}-down` && a.hint,
        ),
      );
      const opening = (result.content[0] as { text: string }).text;
      const named = new RegExp(`google:gemini-${kind.word}-down dropped out`, 'g');
      assert.equal(opening.match(named)?.length, 1, opening);
      await assertMatchesOutputSchema(
        server.client,
        'run_consensus_task',
        result.structuredContent,
      );
    });

    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['missing task', {}, /Missing "task"/],
      [
        'unknown provider',
        { task: 't', participants: [`openai:gpt-${kind.word}`, 'nosuchvendor:model-x'] },
        /nosuchvendor/,
      ],
      ['a 2 MB task', { task: 'y'.repeat(2 * 1024 * 1024) }, /longer than 200 KB/],
      ['wrong types', { task: ['a'], maxRounds: 'four' }, /"task" must be a string/],
    ];
    for (const [label, args, expected] of bad) {
      councilIndependent(
        `bad input (${label}) returns isError saying what to fix, and the server keeps running`,
        async () => {
          const result = await call('run_consensus_task', args);
          assert.equal(result.isError, true);
          assert.match(textOf(result), expected);
          const list = await call('list_participants', {});
          assert.notEqual(list.isError, true);
        },
      );
    }

    it("the calling client's own model sits on the council through MCP sampling", async () => {
      let samplingCalls = 0;
      const own = await spawnClient(
        server.env,
        (samplingClient) =>
          samplingClient.setRequestHandler(CreateMessageRequestSchema, async (request) => {
            samplingCalls += 1;
            const system = request.params.systemPrompt ?? '';
            const schemaText = system.slice(system.lastIndexOf('\n') + 1);
            const prompt = request.params.messages
              .map((m) =>
                !Array.isArray(m.content) && m.content.type === 'text' ? m.content.text : '',
              )
              .join('\n');
            const text = kind.sample({
              model: `client-own-${kind.word}`,
              prompt,
              system,
              schema: JSON.parse(schemaText) as object,
            });
            return { role: 'assistant', model: 'client-own', content: { type: 'text', text } };
          }),
        { sampling: {} },
      );
      try {
        const result = (await own.client.callTool(
          {
            name: 'run_consensus_task',
            arguments: {
              task: 'Name a colour',
              participants: [`openai:gpt-${kind.word}`, 'sampling'],
            },
          },
          undefined,
          { timeout: 90_000 },
        )) as CallToolResult;
        assert.notEqual(result.isError, true, textOf(result));
        const structured = result.structuredContent as {
          converged: boolean;
          participants: { provider: string }[];
        };
        assert.equal(structured.converged, true);
        assert.deepEqual(structured.participants.map((p) => p.provider).sort(), [
          'openai',
          'sampling',
        ]);
        assert.ok(samplingCalls >= 3, `sampling calls: ${samplingCalls}`);
      } finally {
        await own.close();
      }
    });

    it('writes nothing but JSON-RPC messages on stdout (raw capture)', async () => {
      const child = spawn(process.execPath, [SERVER_PATH], {
        env: server.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const send = (message: object): void =>
        void child.stdin.write(`${JSON.stringify(message)}\n`);
      child.stdin.write('this line is not JSON-RPC\n');
      send(initializeRequest(1, 'raw'));
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      send({
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'run_consensus_task', arguments: { task: 42 } },
      });
      send({
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/call',
        params: {
          name: 'run_consensus_task',
          arguments: { task: 'Raw run' },
          _meta: { progressToken: 7 },
        },
      });
      send({ jsonrpc: '2.0', id: 5, method: 'no/such/method' });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no answer to id 4; stdout so far:\n${stdout.slice(0, 2000)}`)),
          90_000,
        );
        child.stdout.on('data', () => {
          if (/"id":4\b/.test(stdout) && /"id":5\b/.test(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      child.stdin.end();
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /Exception|RangeError|TypeError/);
      assert.doesNotMatch(stderr, /\[log_[0-9a-f]+\]/, 'no SDK debug line');
      const lines = stdout.split('\n').filter((line) => line !== '');
      assert.ok(lines.length >= 6);
      for (const line of lines) {
        const message = JSON.parse(line) as { jsonrpc?: string };
        assert.equal(message.jsonrpc, '2.0', line.slice(0, 200));
      }
      assert.ok(
        lines.some((line) => line.includes('notifications/progress')),
        'progress went out as JSON-RPC',
      );
      // Progress for a call only while it runs: none after its response, none for its end.
      const messages = lines.map(
        (line) =>
          JSON.parse(line) as {
            id?: number;
            method?: string;
            params?: { progressToken?: number; message?: string };
          },
      );
      const answered = messages.findIndex((m) => m.id === 4 && m.method === undefined);
      const progressOf7 = messages
        .map((m, index) => ({ m, index }))
        .filter(({ m }) => m.method === 'notifications/progress' && m.params?.progressToken === 7);
      assert.ok(progressOf7.length >= 3, `progress for token 7: ${progressOf7.length}`);
      assert.ok(
        progressOf7.every(({ index }) => index < answered),
        'no progress notification after the response',
      );
      assert.ok(
        progressOf7.every(({ m }) => !/^(finished|failed)/.test(m.params?.message ?? '')),
        'the end of the run is the response, not a progress notification',
      );
    });
  });
}
