import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { startBridgeServer, type BridgeServer } from '../../src/bridge/bridge-server';
import { connectBridgeCouncil } from '../../src/bridge/bridge-client';
import type { RunEvent } from '../../src/core/run-events';
import { FakeCouncil } from './support/fake-council';

/** Sends raw lines and collects what the host answers until it closes the connection. */
function rawExchange(socketPath: string, lines: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(lines.join('\n') + '\n'));
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
  });
}

describe('MCP bridge (extension host <-> server process)', () => {
  let council: FakeCouncil;
  let bridge: BridgeServer;

  beforeEach(async () => {
    council = new FakeCouncil();
    bridge = await startBridgeServer({ council });
  });
  afterEach(async () => bridge.close());

  it('with a minted token, calls run in the host and events stream back', async () => {
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.mintOneTimeToken(),
    });
    try {
      const participants = await client.listParticipants();
      assert.deepEqual(
        participants.map((p) => p.id),
        ['openai:gpt-test', 'anthropic:claude-test'],
      );
      const events: RunEvent['type'][] = [];
      council.hold = true;
      const { runId } = await client.startConsensus({
        input: { task: 'Bridge me', outputKind: 'text' },
        origin: 'panel',
      });
      const stop = client.subscribe(runId, (event) => events.push(event.type));
      // The host forces the origin: a bridge peer cannot pretend to be the panel.
      assert.deepEqual(
        council.calls.filter((c) => c.startsWith('startConsensus')),
        ['startConsensus:mcp'],
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      council.release();
      const result = await client.waitForResult(runId);
      assert.ok('status' in result && result.product === 'Council answer: Bridge me');
      stop();
      assert.ok(events.includes('run-finished'), events.join(','));
      assert.equal(await client.getStatus('nope'), undefined);
    } finally {
      client.close();
    }
  });

  it('errors from the host keep their message and hint', async () => {
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    try {
      await assert.rejects(
        client.startConsensus({
          input: { task: 't', outputKind: 'text' },
          participants: ['nope:x'],
          origin: 'mcp',
        }),
        (error: Error & { hint?: string }) =>
          /Unknown provider/.test(error.message) && /openai/.test(error.hint ?? ''),
      );
    } finally {
      client.close();
    }
  });

  it('refuses a wrong token, a missing hello and a reused one-time token, serving nothing', async () => {
    await assert.rejects(
      connectBridgeCouncil({ socketPath: bridge.socketPath, token: 'wrong' }),
      /authentication failed/,
    );
    const answer = await rawExchange(bridge.socketPath, [
      JSON.stringify({ type: 'call', id: 1, method: 'listParticipants', args: [] }),
    ]);
    assert.match(answer, /authentication failed/);
    assert.doesNotMatch(answer, /gpt-test/);
    assert.deepEqual(council.calls, []);
    const token = bridge.mintOneTimeToken();
    const first = await connectBridgeCouncil({ socketPath: bridge.socketPath, token });
    first.close();
    await assert.rejects(
      connectBridgeCouncil({ socketPath: bridge.socketPath, token }),
      /authentication failed/,
    );
  });

  it('closes a connection that sends an oversized frame, and calls fail clearly when the host goes away', async () => {
    const answer = await rawExchange(bridge.socketPath, ['x'.repeat(5 * 1024 * 1024)]);
    assert.equal(answer, '');
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    await bridge.close();
    await client.closed;
    await assert.rejects(client.listParticipants(), /editor window .* no longer reachable/);
    bridge = await startBridgeServer({ council });
  });

  it("relays a sampling participant's call to the server that offers sampling, and explains when none does", async () => {
    const model = bridge.createSamplingModel('any');
    const request = {
      system: 'persona',
      messages: [{ role: 'user' as const, content: 'hi' }],
      signal: new AbortController().signal,
    };
    await assert.rejects(model.generate(request), /"sampling" capability/);
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
      onSample: async (sample) => ({
        text: `echo ${sample.system}/${sample.messages[0]?.content}`,
        model: 'client-model',
      }),
    });
    try {
      client.setSamplingAvailable(true);
      await client.listParticipants(); // the frames are processed in order
      const response = await model.generate(request);
      assert.deepEqual([response.text, response.modelId], ['echo persona/hi', 'client-model']);
    } finally {
      client.close();
    }
  });

  it('listens on a socket only its user can reach', function () {
    if (process.platform === 'win32') this.skip();
    assert.equal(statSync(bridge.socketPath).mode & 0o077, 0);
    assert.equal(statSync(dirname(bridge.socketPath)).mode & 0o077, 0);
  });
});
