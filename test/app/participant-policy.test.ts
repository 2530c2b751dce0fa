import { strict as assert } from 'node:assert';
import { ConfigurationError } from '../../src/app/configuration-error';
import { ParticipantHealth } from '../../src/app/participant-health';
import { ParticipantPolicy, singleVendorNote } from '../../src/app/participant-policy';
import type { RunEvent } from '../../src/core/run-events';
import { EchoLanguageModel } from './support/echo-language-model';
import { baseSettings, memoryLogger } from './support/council-fixture';

const fakeModels = (providerId: string, model: string) =>
  providerId === 'fake' ? new EchoLanguageModel(providerId, model) : undefined;

function policyWith(extra: Partial<ConstructorParameters<typeof ParticipantPolicy>[0]> = {}) {
  const health = new ParticipantHealth();
  const policy = new ParticipantPolicy(
    {
      credentials: { getApiKey: () => Promise.resolve(undefined) },
      extraModelFactory: fakeModels,
      ...extra,
    },
    memoryLogger(),
    health,
  );
  return { policy, health };
}

function failedCall(participantId: string): RunEvent {
  const error = { kind: 'overloaded', message: 'busy', provider: 'fake' } as const;
  return {
    type: 'call-failed',
    runId: 'r',
    at: 0,
    callId: 'c',
    participantId,
    phase: 'vote',
    round: 0,
    latencyMs: 1,
    willRepair: false,
    error,
  };
}

const three = baseSettings({
  participants: [
    { provider: 'fake', model: 'alpha' },
    { provider: 'fake', model: 'beta' },
    { provider: 'fake', model: 'gamma' },
  ],
});

describe('participant policy', () => {
  it('picks as judge the first configured participant that is not a voter', async () => {
    const { policy } = policyWith();
    const voters = await policy.select(['fake:alpha', 'fake:beta'], three);
    const judge = await policy.chooseJudge(undefined, voters, three);
    assert.equal(judge?.id, 'fake:gamma');
  });

  it('skips a judge whose latest call failed, and picks none when no one is left', async () => {
    const { policy, health } = policyWith();
    health.track(failedCall('fake:gamma'));
    const voters = await policy.select(['fake:alpha', 'fake:beta'], three);
    assert.equal(await policy.chooseJudge(undefined, voters, three), undefined);
  });

  it('refuses a requested judge that is also a voter', async () => {
    const { policy } = policyWith();
    const voters = await policy.select(['fake:alpha', 'fake:beta'], three);
    await assert.rejects(
      policy.chooseJudge('fake:beta', voters, three),
      (error: unknown) => error instanceof ConfigurationError && /also a voter/.test(error.message),
    );
    assert.equal((await policy.chooseJudge('fake:gamma', voters, three))?.id, 'fake:gamma');
  });

  it("lists configured participants, then the host's own models with their health", async () => {
    const { policy, health } = policyWith({
      extraParticipants: () =>
        Promise.resolve([
          {
            id: 'fake:alpha',
            provider: 'fake',
            model: 'alpha',
            displayName: 'dup',
            available: true,
            keyPresent: false,
          },
          {
            id: 'vscode-lm:x',
            provider: 'vscode-lm',
            model: 'x',
            displayName: 'X',
            available: true,
            keyPresent: false,
          },
        ]),
    });
    health.track(failedCall('vscode-lm:x'));
    const listed = await policy.list(baseSettings());
    assert.deepEqual(
      listed.map((status) => [status.id, status.recentlyHealthy]),
      [
        ['fake:alpha', undefined],
        ['fake:beta', undefined],
        ['vscode-lm:x', false],
      ],
    );
  });

  it("still lists the configured participants when the host's own models cannot be listed", async () => {
    const { policy } = policyWith({ extraParticipants: () => Promise.reject(new Error('no lm')) });
    assert.equal((await policy.list(baseSettings())).length, 2);
  });

  it('notes a single-vendor council only', () => {
    const info = (provider: string) => ({
      id: provider,
      provider,
      model: 'm',
      displayName: provider,
    });
    assert.equal(singleVendorNote([info('openai'), info('openai')]), 'single-vendor run (openai)');
    assert.equal(singleVendorNote([info('openai'), info('google')]), undefined);
  });
});
