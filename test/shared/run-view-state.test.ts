import assert from 'node:assert/strict';
import {
  buildRunView,
  debateRoundOf,
  finalStatusOf,
  latestCallByParticipant,
  reduceRunView,
  scoreMatrixOf,
} from '../../src/shared/run-view-state';
import {
  buildFailedRun,
  buildRecordedRun,
  FAILED_RUN_ID,
  RUN_ID,
} from '../webview/fixtures/recorded-run';
import type { RunEvent } from '../../src/core/run-events';

describe('run view state', () => {
  const { events, midRunIndex } = buildRecordedRun();

  it('derives participants, rounds, proposals and the final result from the stream', () => {
    const view = buildRunView(events)!;
    assert.equal(view.runId, RUN_ID);
    assert.equal(view.participants.length, 3);
    assert.equal(view.task, 'Add TypeScript types to add() and export it');
    assert.equal(view.outputKind, 'code');
    assert.deepEqual(
      view.rounds.map((r) => r.round),
      [1, 2],
    );
    assert.deepEqual(
      view.rounds.map((r) => r.proposals.map((p) => p.phase)),
      [
        ['draft', 'draft', 'draft'],
        ['merge', 'merge', 'merge'],
      ],
    );
    assert.equal(view.status, 'finished');
    assert.equal(finalStatusOf(view), 'majority');
    assert.equal(view.ratifications.length, 3);
    assert.equal(view.consensusResult?.minorityReport[0]?.participantId, 'google:gemini-2.5-pro');
    assert.equal(view.rounds[1]?.signals?.converged, true);
    assert.equal(view.cost.costUsd, 0.0786);
  });

  it('counts the closing phases (final versions, ratify) as the last debate round', () => {
    // The engine numbers final versions one past the last scored round: a 2-round run's finals
    // arrive as "round 3". The panel, the toast and get_task_status all say round 2.
    const ratifyAt = events.findIndex((e) => e.type === 'phase-started' && e.phase === 'ratify');
    const at = events[ratifyAt]!.at;
    const closing: RunEvent[] = [
      ...events.slice(0, ratifyAt),
      { type: 'phase-started', runId: RUN_ID, at, phase: 'final', round: 3 },
      {
        type: 'proposal',
        runId: RUN_ID,
        at,
        proposal: {
          participantId: 'openai:gpt-5.1',
          round: 3,
          phase: 'final',
          product: 'x',
          rationale: '',
        },
      },
    ];
    const view = buildRunView(closing)!;
    assert.equal(view.round, 2);
    assert.equal(view.phase, 'final');
    assert.deepEqual(
      view.rounds.map((r) => r.round),
      [1, 2],
    );
    assert.equal(debateRoundOf('final', 3, 2), 2);
    assert.equal(debateRoundOf('ratify', 3, 2), 2);
    assert.equal(debateRoundOf('review', 3, 2), 3);
  });

  it('builds the reviewer × author matrix without self-scores', () => {
    const view = buildRunView(events)!;
    const matrix = scoreMatrixOf(view, view.rounds[0]!);
    assert.deepEqual(
      matrix.reviewerIds,
      view.participants.map((p) => p.id),
    );
    assert.equal(matrix.scores['openai:gpt-5.1']?.['openai:gpt-5.1'], undefined);
    assert.equal(matrix.scores['openai:gpt-5.1']?.['anthropic:claude-sonnet-4-5'], 8);
    assert.equal(matrix.scores['google:gemini-2.5-pro']?.['openai:gpt-5.1'], 6);
    assert.equal(matrix.meanByAuthor['anthropic:claude-sonnet-4-5'], 8);
  });

  it('appends token deltas per call and keeps the call streaming until it finishes', () => {
    const view = buildRunView(events.slice(0, midRunIndex))!;
    assert.equal(view.status, 'running');
    assert.equal(view.phase, 'merge');
    assert.equal(view.round, 2);
    const streaming = latestCallByParticipant(view).get('openai:gpt-5.1')!;
    assert.equal(streaming.status, 'streaming');
    assert.ok(streaming.text.length > 0);
    const delta: RunEvent = {
      type: 'token-delta',
      runId: RUN_ID,
      at: Date.now(),
      callId: streaming.callId,
      participantId: 'openai:gpt-5.1',
      phase: 'merge',
      round: 2,
      delta: ' MORE',
    };
    const next = reduceRunView(view, delta);
    assert.equal(
      latestCallByParticipant(next).get('openai:gpt-5.1')!.text,
      `${streaming.text} MORE`,
    );
    // The reducer never mutates its input (snapshots and live events share one state).
    assert.equal(latestCallByParticipant(view).get('openai:gpt-5.1')!.text, streaming.text);
  });

  it('sums usage and cost from finished calls while running', () => {
    const view = buildRunView(events.slice(0, midRunIndex))!;
    assert.ok(view.cost.calls >= 6);
    assert.equal(view.cost.usage.inputTokens, view.cost.calls * 1200);
    assert.ok(Math.abs(view.cost.costUsd - view.cost.calls * 0.0042) < 1e-9);
  });

  it('shows a failed run with its abstentions and error', () => {
    const view = buildRunView(buildFailedRun())!;
    assert.equal(view.runId, FAILED_RUN_ID);
    assert.equal(view.status, 'failed');
    assert.equal(finalStatusOf(view), 'failed');
    assert.deepEqual(
      view.abstentions.map((a) => a.participantId),
      ['anthropic:claude-sonnet-4-5', 'google:gemini-2.5-pro'],
    );
    assert.match(view.error!.message, /No quorum/);
    assert.equal(view.calls.filter((c) => c.status === 'failed').length, 2);
  });

  it('reads thresholds and the round cap from the run settings', () => {
    const view = buildRunView(events)!;
    assert.equal(view.maxRounds, 4);
    assert.equal(view.thresholds.maxTextDivergence, 0.15);
    assert.equal(view.thresholds.maxImprovementRoom, 'minor');
  });

  it('starts a usable view from an event of a run it never saw start', () => {
    const view = reduceRunView(undefined, events[5]!);
    assert.equal(view.runId, RUN_ID);
    assert.equal(view.status, 'running');
  });

  describe('states the engine emits', () => {
    const at = events[midRunIndex]!.at;
    const upTo = events.slice(0, midRunIndex);
    const callOf = events.find((e) => e.type === 'call-started')!;
    assert.ok(callOf.type === 'call-started');

    it('a call the run no longer needed is marked with its reason, not as streaming', () => {
      const view = buildRunView([
        ...upTo,
        {
          type: 'call-not-needed',
          runId: RUN_ID,
          at,
          callId: callOf.callId,
          participantId: callOf.participantId,
          phase: callOf.phase,
          round: callOf.round,
          reason: 'straggler',
          latencyMs: 5,
        },
      ])!;
      const call = view.calls.find((c) => c.callId === callOf.callId)!;
      assert.equal(call.status, 'not-needed');
      assert.equal(call.notNeeded, 'straggler');
    });

    it('keeps a skipped final phase, a round notice and an incomplete transcript', () => {
      const view = buildRunView([
        ...upTo,
        {
          type: 'final-skipped',
          runId: RUN_ID,
          at,
          round: 2,
          reason: 'identical-merged-proposals',
        },
        {
          type: 'notice',
          runId: RUN_ID,
          at,
          notice: { cause: 'no-usable-reviews', round: 1, message: 'none', hint: 'h' },
        },
        { type: 'transcript-incomplete', runId: RUN_ID, at },
      ])!;
      assert.deepEqual(view.finalSkipped, { round: 2 });
      assert.equal(view.rounds.find((r) => r.round === 1)?.notice?.cause, 'no-usable-reviews');
      assert.equal(view.transcriptIncomplete, true);
    });
  });
});
