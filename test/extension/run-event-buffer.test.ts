import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/core/run-events';
import { RunEventBuffer } from '../../src/extension/panel/run-event-buffer';

const base = { runId: 'r1', at: 1 };
const delta = (callId: string, text: string): RunEvent => ({
  ...base,
  type: 'token-delta',
  callId,
  participantId: callId === 'c1' ? 'openai:a' : 'anthropic:b',
  phase: 'draft',
  round: 1,
  delta: text,
});
const finished = (callId: string, text: string): RunEvent => ({
  ...base,
  type: 'call-finished',
  callId,
  participantId: 'openai:a',
  phase: 'draft',
  round: 1,
  text,
  usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 },
  latencyMs: 5,
});

describe('RunEventBuffer (snapshot of a run in flight)', () => {
  it('keeps one delta per streaming call holding the text so far', () => {
    const buffer = new RunEventBuffer('r1');
    buffer.push({ ...base, type: 'phase-started', phase: 'draft', round: 1 });
    buffer.push(delta('c1', 'Hel'));
    buffer.push(delta('c2', 'Bon'));
    buffer.push(delta('c1', 'lo'));
    buffer.push(delta('c2', 'jour'));
    const events = buffer.snapshot();
    assert.equal(events.length, 3);
    const deltas = events.filter((event) => event.type === 'token-delta');
    assert.deepEqual(
      deltas.map((event) => event.type === 'token-delta' && [event.callId, event.delta]),
      [
        ['c1', 'Hello'],
        ['c2', 'Bonjour'],
      ],
    );
  });

  it('drops a call’s deltas once it finishes, keeping the other call streaming', () => {
    const buffer = new RunEventBuffer('r1');
    buffer.push(delta('c1', 'a'));
    buffer.push(delta('c2', 'b'));
    buffer.push(finished('c1', 'a full'));
    buffer.push(delta('c2', 'c'));
    const events = buffer.snapshot();
    assert.deepEqual(
      events.map((event) => event.type),
      ['token-delta', 'call-finished'],
    );
    const stillStreaming = events[0];
    assert.ok(stillStreaming?.type === 'token-delta');
    assert.equal(stillStreaming.delta, 'bc');
  });

  it('does not alter the events it was given', () => {
    const buffer = new RunEventBuffer('r1');
    const first = delta('c1', 'x');
    buffer.push(first);
    buffer.push(delta('c1', 'y'));
    assert.ok(first.type === 'token-delta');
    assert.equal(first.delta, 'x');
  });

  it('knows when the run ended', () => {
    const buffer = new RunEventBuffer('r1');
    assert.equal(buffer.finished, false);
    buffer.push({ ...base, type: 'run-failed', error: { message: 'no quorum' } });
    assert.equal(buffer.finished, true);
  });
});
