import { strict as assert } from 'node:assert';
import { progressLine } from '../../src/cli/progress-printer';

describe('CLI progress lines', () => {
  it('names phase and round, the signals against their limits, and abstentions', () => {
    assert.equal(
      progressLine({ type: 'phase-started', runId: 'r', at: 0, phase: 'review', round: 2 }),
      'round 2: review',
    );
    const line = progressLine({
      type: 'round-scored',
      runId: 'r',
      at: 0,
      signals: {
        round: 1,
        textDivergence: 0.0421,
        pairwiseDivergence: {},
        scoreSpread: 0.5,
        meanScores: {},
        improvementRoom: {},
        majorIssueCount: 0,
        verdicts: [
          { condition: 'textDivergence', holds: true, value: 0.0421, threshold: 0.15 },
          { condition: 'scoreSpread', holds: false, value: 1.5, threshold: 1 },
        ],
        converged: false,
      },
    });
    assert.equal(
      line,
      'round 1 signals: textDivergence 0.042 (limit 0.15) ok; scoreSpread 1.5 (limit 1) not yet -> not converged',
    );
    assert.match(
      progressLine({
        type: 'abstained',
        runId: 'r',
        at: 0,
        abstention: {
          participantId: 'google:g',
          phase: 'merge',
          round: 1,
          error: {
            kind: 'server',
            message: 'HTTP 500',
            provider: 'google',
            modelId: 'g',
            retryable: true,
          } as never,
        },
      }) ?? '',
      /google:g abstains from merge \(round 1\): HTTP 500/,
    );
    assert.equal(
      progressLine({
        type: 'token-delta',
        runId: 'r',
        at: 0,
        callId: 'c',
        participantId: 'p',
        phase: 'draft',
        round: 1,
        delta: 'x',
      }),
      undefined,
    );
  });
});
