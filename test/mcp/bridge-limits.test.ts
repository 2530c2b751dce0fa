/**
 * The bridge under load and abuse (issue 11 items 2 and 6): messages of any size up to the
 * message limit, one call failing (not the connection) past it, reconnecting after a lost
 * connection, caps before authentication, a reused subscribe id, a reader that stops reading.
 */
import { strict as assert } from 'node:assert';
import { connect, type Socket } from 'node:net';
import { startBridgeServer, type BridgeServer } from '../../src/bridge/bridge-server';
import { connectBridgeCouncil } from '../../src/bridge/bridge-client';
import { BRIDGE_METHODS } from '../../src/bridge/bridge-protocol';
import type { RunEvent } from '../../src/core/run-events';
import { FakeCouncil } from './support/fake-council';

/** A raw peer: connects, optionally says hello, and collects every line the host sends. */
async function rawPeer(socketPath: string, token?: string) {
  const socket = connect(socketPath);
  const lines: string[] = [];
  let buffered = '';
  let closed = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  const whenClosed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      closed = true;
      resolve();
    }),
  );
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const waitFor = async (test: (line: string) => boolean): Promise<string> => {
    for (;;) {
      const found = lines.find(test);
      if (found) return found;
      if (closed) throw new Error('closed before the line came');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  if (token) {
    socket.write(`${JSON.stringify({ type: 'hello', token, pid: process.pid })}\n`);
    await waitFor((line) => line.includes('"welcome"'));
  }
  return {
    socket,
    lines,
    whenClosed,
    isClosed: () => closed,
    waitFor,
    send: (frame: object) => socket.write(`${JSON.stringify(frame)}\n`),
  };
}

const delta = (runId: string, i: number): RunEvent => ({
  type: 'token-delta',
  runId,
  at: Date.now(),
  callId: 'c1',
  participantId: 'openai:gpt-test',
  phase: 'draft',
  round: 1,
  delta: `${i}:${'d'.repeat(10_000)}`,
});

describe('MCP bridge limits', () => {
  let council: FakeCouncil;
  let bridge: BridgeServer;
  let logged: string[];

  beforeEach(async () => {
    council = new FakeCouncil();
    council.hold = true;
    logged = [];
    bridge = await startBridgeServer({
      council,
      helloTimeoutMs: 60_000,
      log: (message) => logged.push(message),
    });
  });
  afterEach(async () => bridge.close());

  it('the protocol table covers every request/response operation of the service', () => {
    const service = Object.getOwnPropertyNames(FakeCouncil.prototype).filter(
      (name) =>
        ![
          'constructor',
          'subscribe',
          'watchAllRuns',
          'release',
          'emitFor',
          'fillTranscript',
        ].includes(name) &&
        !name.startsWith('step') &&
        !['finish', 'emit'].includes(name),
    );
    assert.deepEqual([...BRIDGE_METHODS].sort(), service.sort());
  });

  it('carries a 10 MB transcript whole, pages it on the host, and the next call works', async () => {
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    try {
      const { runId } = await client.startConsensus({
        input: { task: 'big', outputKind: 'text' },
        origin: 'mcp',
      });
      council.fillTranscript(runId, 500, 20_000); // ~15 MB of UTF-8 (half of it two-byte)
      const all = await client.readTranscript(runId);
      assert.equal(all.length, 500 + 3);
      const last = all.at(-1) as { text?: string };
      assert.ok(last.text?.startsWith('499:é'), 'the last record arrived intact');
      const page = await client.readTranscriptPage(runId, {
        offset: 0,
        limit: 50,
        maxChars: 120_000,
      });
      assert.ok(page.records.length < 50 && page.nextOffset !== undefined);
      assert.equal(page.total, 503);
      assert.equal((await client.listParticipants()).length, 2);
    } finally {
      client.close();
    }
  });

  it('an answer over the message limit fails that one call with a clear error; the next call works', async () => {
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    try {
      const { runId } = await client.startConsensus({
        input: { task: 'huge', outputKind: 'text' },
        origin: 'mcp',
      });
      council.fillTranscript(runId, 40, 1_000_000); // ~60 MB
      await assert.rejects(client.readTranscript(runId), /more than the bridge carries/);
      assert.equal(bridge.connectionCount(), 1);
      assert.equal((await client.listParticipants()).length, 2);
    } finally {
      client.close();
    }
  });

  it('a line over the frame limit from an authenticated peer fails its call, not the connection', async () => {
    const peer = await rawPeer(bridge.socketPath, bridge.windowToken);
    peer.socket.write(
      `{"type":"call","id":41,"method":"findParticipantsForTask","args":["${'x'.repeat(5 * 1024 * 1024)}",[]]}\n`,
    );
    const error = await peer.waitFor((line) => line.includes('"id":41'));
    assert.match(error, /"type":"error".*more than the bridge carries/);
    peer.send({ type: 'call', id: 42, method: 'listParticipants', args: [] });
    assert.match(await peer.waitFor((line) => line.includes('"id":42')), /"type":"result"/);
    peer.socket.destroy();
  });

  it('reconnects after a lost connection, keeping its subscriptions', async () => {
    const sockets: Socket[] = [];
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.mintOneTimeToken(),
      createSocket: (path) => {
        const socket = connect(path);
        sockets.push(socket);
        return socket;
      },
    });
    try {
      const { runId } = await client.startConsensus({
        input: { task: 'survive', outputKind: 'text' },
        origin: 'mcp',
      });
      const seen: string[] = [];
      client.subscribe(runId, (event) => seen.push(event.type));
      await client.listParticipants(); // the subscribe frame is in
      sockets[0]!.destroy();
      assert.equal((await client.listParticipants()).length, 2);
      assert.equal(sockets.length, 2);
      assert.equal(bridge.connectionCount(), 1);
      council.release();
      const result = await client.waitForResult(runId);
      assert.ok('status' in result && result.status === 'unanimous');
      assert.ok(seen.includes('run-finished'), seen.join(','));
    } finally {
      client.close();
    }
  });

  it('before authentication: only a few connections may wait at once (the oldest is closed)', async () => {
    const waiting = [];
    for (let i = 0; i < 8; i++) waiting.push(await rawPeer(bridge.socketPath));
    const ninth = await rawPeer(bridge.socketPath);
    await waiting[0]!.whenClosed;
    assert.deepEqual(
      [...waiting, ninth].map((peer) => peer.isClosed()),
      [true, false, false, false, false, false, false, false, false],
    );
    assert.ok(logged.some((line) => /waiting for their hello; the oldest was closed/.test(line)));
    // A real server says hello at once, so idle waiters cannot keep it out.
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    assert.equal((await client.listParticipants()).length, 2);
    client.close();
    for (const peer of [...waiting, ninth]) peer.socket.destroy();
  });

  it('before authentication: a peer is cut off after a few KB, even on its way to a valid hello', async () => {
    const peer = await rawPeer(bridge.socketPath);
    const padding = 'p'.repeat(64 * 1024);
    peer.socket.write(`{"type":"hello","pid":1,"padding":"${padding}",`);
    peer.socket.write(`"token":"${bridge.windowToken}"}\n`);
    await peer.whenClosed;
    assert.deepEqual(peer.lines, [], 'no welcome, no answer');
    assert.equal(bridge.connectionCount(), 0);
  });

  it('a reused subscribe id stops the old subscription', async () => {
    const first = await council.startConsensus({
      input: { task: 'a', outputKind: 'text' },
      origin: 'mcp',
    });
    const second = await council.startConsensus({
      input: { task: 'b', outputKind: 'text' },
      origin: 'mcp',
    });
    const peer = await rawPeer(bridge.socketPath, bridge.windowToken);
    peer.send({ type: 'subscribe', id: 7, runId: first.runId });
    peer.send({ type: 'subscribe', id: 7, runId: second.runId });
    peer.send({ type: 'call', id: 8, method: 'listParticipants', args: [] });
    await peer.waitFor((line) => line.includes('"id":8'));
    assert.equal(council.runs.get(first.runId)!.listeners.size, 0);
    assert.equal(council.runs.get(second.runId)!.listeners.size, 1);
    peer.socket.destroy();
  });

  it('a reader that stops reading loses token deltas, not the other events', async () => {
    const { runId } = await council.startConsensus({
      input: { task: 'slow reader', outputKind: 'text' },
      origin: 'mcp',
    });
    const peer = await rawPeer(bridge.socketPath, bridge.windowToken);
    peer.send({ type: 'subscribe', id: 3, runId });
    peer.send({ type: 'call', id: 4, method: 'listParticipants', args: [] });
    await peer.waitFor((line) => line.includes('"id":4'));
    peer.socket.pause();
    const sent = 2_000; // 20 MB of deltas
    for (let i = 0; i < sent; i++) council.emitFor(runId, delta(runId, i));
    council.release();
    await council.waitForResult(runId);
    peer.socket.resume();
    await peer.waitFor((line) => line.includes('"run-finished"'));
    const deltas = peer.lines.filter((line) => line.includes('"token-delta"')).length;
    assert.ok(deltas > 0 && deltas < sent / 2, `${deltas} of ${sent} deltas delivered`);
    peer.socket.destroy();
  });

  it('forwards a call without its full prompt', async () => {
    const client = await connectBridgeCouncil({
      socketPath: bridge.socketPath,
      token: bridge.windowToken,
    });
    try {
      const { runId } = await client.startConsensus({
        input: { task: 'prompt', outputKind: 'text' },
        origin: 'mcp',
      });
      const events: RunEvent[] = [];
      client.subscribe(runId, (event) => events.push(event));
      await client.listParticipants();
      council.emitFor(runId, {
        type: 'call-started',
        runId,
        at: Date.now(),
        callId: 'c9',
        participantId: 'openai:gpt-test',
        phase: 'draft',
        round: 1,
        attempt: 0,
        system: 's'.repeat(500_000),
        messages: [{ role: 'user', content: 'u'.repeat(500_000) }],
      });
      await client.listParticipants();
      const started = events.find((event) => event.type === 'call-started');
      assert.ok(started && started.type === 'call-started');
      assert.ok(started.system.length < 3_000 && started.messages[0]!.content.length < 3_000);
      assert.match(started.system, /more characters are in the transcript/);
    } finally {
      client.close();
    }
  });
});
