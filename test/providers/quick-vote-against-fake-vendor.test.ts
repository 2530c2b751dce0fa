/**
 * The quick vote over the real adapters and the fake vendor: a dead voter costs one short retry
 * and abstains; the poll decides as soon as the outstanding voters cannot change the verdict.
 */
import { strict as assert } from 'node:assert';
import { runVote } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import { startFakeVendorServer, type FakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { vendorParticipant } from '../support/vendor-participants';

describe('quick vote against the fake vendor (real SDKs)', function () {
  this.timeout(30_000);
  let vendor: FakeVendorServer;
  before(async () => {
    vendor = await startFakeVendorServer();
  });
  after(async () => {
    await vendor?.close();
  });
  beforeEach(() => vendor.reset());

  it('one voter always 500: the two others decide, the dead one abstains after one retry', async () => {
    const voters = [
      vendorParticipant(vendor, 'openai:gpt-sim'),
      vendorParticipant(vendor, 'anthropic:claude-sim'),
      vendorParticipant(vendor, 'google:gemini-down'),
    ];
    // Unanimous: the outstanding dead voter could still break it, so the poll waits for it.
    const result = await runVote(
      { question: 'Is this safe?', strategy: 'unanimous' },
      { participants: voters },
    );
    assert.equal(result.reached, true);
    assert.equal(result.winningAnswer, 'Council answer: Is this safe?');
    assert.deepEqual(result.agreeing.sort(), ['anthropic:claude-sim', 'openai:gpt-sim']);
    assert.equal(result.responding, 2);
    assert.deepEqual(
      result.failed.map((entry) => [entry.participantId, entry.error.kind]),
      [['google:gemini-down', 'server']],
    );
    const deadCalls = vendor.calls.filter((call) => call.model === 'gemini-down');
    assert.equal(deadCalls.length, 2, 'the first try and one short retry');
  });

  it('a rejected key abstains at once: no retry', async () => {
    vendor.script({ model: 'gemini-sim', reply: { fault: 'unauthorized' } });
    const result = await runVote(
      { question: 'Is this safe?', strategy: 'unanimous' },
      {
        participants: [
          vendorParticipant(vendor, 'openai:gpt-sim'),
          vendorParticipant(vendor, 'anthropic:claude-sim'),
          vendorParticipant(vendor, 'google:gemini-sim'),
        ],
      },
    );
    assert.equal(result.reached, true);
    assert.equal(result.failed[0]?.error.kind, 'auth');
    assert.equal(vendor.calls.filter((call) => call.model === 'gemini-sim').length, 1);
  });

  it('3 of 5 agree while 2 are still thinking: a majority is decided, the 2 are not needed', async () => {
    vendor.script({ model: 'gpt-slow', reply: { delayMs: 20_000 } });
    vendor.script({ model: 'claude-slow', reply: { delayMs: 20_000 } });
    // The fast voters answer after a short pause, so the slow requests have surely reached the
    // vendor when the poll decides (on a loaded machine they could otherwise still be unsent).
    for (const model of ['gpt-sim', 'claude-sim', 'gemini-sim'])
      vendor.script({ model, reply: { delayMs: 500 } });
    const events: RunEvent[] = [];
    const result = await runVote(
      { question: 'Tabs or spaces?', strategy: 'majority' },
      {
        participants: [
          vendorParticipant(vendor, 'openai:gpt-sim'),
          vendorParticipant(vendor, 'anthropic:claude-sim'),
          vendorParticipant(vendor, 'google:gemini-sim'),
          vendorParticipant(vendor, 'openai:gpt-slow'),
          vendorParticipant(vendor, 'anthropic:claude-slow'),
        ],
        onEvent: (event) => events.push(event),
      },
    );
    assert.equal(result.reached, true);
    assert.equal(result.responding, 3);
    assert.deepEqual(result.notNeeded?.sort(), ['anthropic:claude-slow', 'openai:gpt-slow']);
    assert.deepEqual(result.failed, []);
    const notNeeded = events.flatMap((event) =>
      event.type === 'call-not-needed' ? [[event.participantId, event.reason]] : [],
    );
    assert.deepEqual(notNeeded.sort(), [
      ['anthropic:claude-slow', 'decided'],
      ['openai:gpt-slow', 'decided'],
    ]);
    const slow = () => vendor.calls.filter((call) => call.model?.endsWith('-slow'));
    for (let i = 0; i < 40 && !slow().every((call) => call.clientDisconnected); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(slow().length, 2);
    assert.ok(
      slow().every((call) => call.clientDisconnected),
      'the aborted requests were closed',
    );
  });
});
