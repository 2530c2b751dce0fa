import { strict as assert } from 'node:assert';
import { ParticipantHealth } from '../../src/app/participant-health';
import type { RunEvent } from '../../src/core/run-events';

const base = { runId: 'r', at: 0, callId: 'c1', phase: 'draft', round: 0, latencyMs: 5 } as const;

function finished(participantId: string): RunEvent {
  const usage = { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 };
  return { ...base, type: 'call-finished', participantId, text: 'ok', usage };
}

function failed(participantId: string, willRepair: boolean): RunEvent {
  const error = { kind: 'rate-limited', message: 'slow down', provider: 'openai' } as const;
  return { ...base, type: 'call-failed', participantId, willRepair, error };
}

describe('participant health', () => {
  it('is unknown before a call, then follows the latest call of the model', () => {
    const health = new ParticipantHealth();
    assert.equal(health.of('openai:gpt'), undefined);
    health.track(failed('openai:gpt', false));
    assert.equal(health.of('openai:gpt'), false);
    health.track(finished('openai:gpt'));
    assert.equal(health.of('openai:gpt'), true);
  });

  it('counts a second seat of the same model as that model, and ignores repaired failures', () => {
    const health = new ParticipantHealth();
    health.track(finished('google:gemini#2'));
    assert.equal(health.of('google:gemini'), true);
    health.track(failed('google:gemini', true));
    assert.equal(health.of('google:gemini'), true, 'a failure the engine repairs is not a failure');
  });
});
