import assert from 'node:assert/strict';
import { debateTimeline } from '../../webview/debate-timeline';
import { buildRunView } from '../../src/shared/run-view-state';
import { buildFailedRun, buildRecordedRun } from './fixtures/recorded-run';
import { withUnscoredRounds } from './fixtures/panel-snapshots';

describe('debateTimeline (the debate at a glance)', () => {
  it('gives each participant its actions, received scores, trend and dissent per round', () => {
    const timeline = debateTimeline(buildRunView(buildRecordedRun().events)!);
    assert.deepEqual(timeline.rounds, [1, 2]);
    const gemini = timeline.rows.find((row) => row.participantId === 'google:gemini-2.5-pro')!;
    assert.deepEqual(
      gemini.cells.map((cell) => cell.actions),
      [
        ['drafted', 'reviewed'],
        ['merged', 'reviewed'],
      ],
    );
    assert.deepEqual(gemini.trend, [6.5, 9]);
    assert.equal(gemini.dissent, 'approve-with-reservations');
    assert.equal(timeline.rows[0]!.dissent, undefined);
    assert.deepEqual(timeline.decisive, [
      { kind: 'condition', condition: 'improvementRoom', value: 'major', threshold: '≤ minor' },
      { kind: 'converged' },
    ]);
  });

  it('shows no extra round for the reviews that scored the last merges of a finished run', () => {
    const { events } = buildRecordedRun();
    const ratify = events.findIndex((e) => e.type === 'phase-started' && e.phase === 'ratify');
    // As the engine does: the reviews that judge round 2's merges open round 3.
    const scoring = events
      .filter((e) => e.type === 'review-done' && e.report.round === 2)
      .map((e) => structuredClone(e))
      .map((e) => (e.type === 'review-done' ? { ...e, report: { ...e.report, round: 3 } } : e));
    const withScoring = [...events.slice(0, ratify), ...scoring, ...events.slice(ratify)];
    const running = debateTimeline(buildRunView(withScoring.slice(0, ratify + scoring.length))!);
    assert.deepEqual(running.rounds, [1, 2, 3]);
    // Round 3's reviews score round 2's merges: no score of its own yet, not a copy of R2's.
    assert.equal(running.rows[2]!.cells[2]!.score, undefined);
    const finished = debateTimeline(buildRunView(withScoring)!);
    assert.deepEqual(finished.rounds, [1, 2]);
    assert.equal(finished.decisive.length, 2);
    assert.deepEqual(finished.rows[2]!.trend, [6.5, 9]);
  });

  it('marks abstentions in the round they happened, with their reason kind', () => {
    const view = buildRunView(buildFailedRun())!;
    const timeline = debateTimeline(view);
    const abstained = timeline.rows.flatMap((row) => row.cells.filter((c) => c.abstained));
    assert.ok(abstained.length >= 1);
    for (const cell of abstained) assert.match(cell.abstained!.kind, /^[a-z-]+$/);
  });

  it('names the cause of a round without usable reviews instead of an unknown spread', () => {
    const timeline = debateTimeline(buildRunView(withUnscoredRounds(buildRecordedRun().events))!);
    assert.deepEqual(timeline.decisive, [
      { kind: 'unscored', cause: 'no-usable-reviews' },
      { kind: 'unscored', cause: 'no-usable-reviews' },
    ]);
  });
});
