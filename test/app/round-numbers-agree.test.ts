/**
 * One round number everywhere (the final phase belongs to the last debate round): the events,
 * the CLI's progress lines, the panel's state, get_task_status and the Markdown export name the
 * same round as the signals and the result's `roundsCompleted`.
 */
import { strict as assert } from 'node:assert';
import { runConsensus } from '../../src/core/engine';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import { transcriptToMarkdown } from '../../src/core/transcript-markdown';
import { progressLine } from '../../src/cli/progress-printer';
import { reduceRunView, type RunViewState } from '../../src/shared/run-view-state';
import { applyEventToStatus, createStatusTracker } from '../../src/app/task-status';
import { describeStatus } from '../../src/mcp/status-output';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';
import { unusableReview } from '../support/unusable-review';

async function run(alwaysRunFinal: boolean) {
  const council = createScriptedCouncil({
    product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed text'),
    score: (_r, round) => (round === 1 ? 6 : 9),
    improvementRoom: (_r, round) => (round === 1 ? 'major' : 'none'),
  });
  const transcript = new MemoryTranscript();
  const events: RunEvent[] = [];
  const result = await runConsensus(
    { task: 'Write it', outputKind: 'text', seed: 2, scheduling: { alwaysRunFinal } },
    { participants: council.participants, transcript, onEvent: (event) => events.push(event) },
  );
  return { result, events, records: transcript.records() };
}

const CLOSING = new Set(['final', 'ratify']);

for (const alwaysRunFinal of [false, true]) {
  describe(`round numbers of the closing phases (${alwaysRunFinal ? 'final phase run' : 'final phase skipped'})`, () => {
    let result: ConsensusResult;
    let events: RunEvent[];
    let records: Awaited<ReturnType<typeof run>>['records'];
    let lastRound: number;

    before(async () => {
      ({ result, events, records } = await run(alwaysRunFinal));
      assert.equal(result.status, 'unanimous');
      assert.equal(result.finalSkipped ?? false, !alwaysRunFinal);
      lastRound = result.signals.at(-1)!.round;
      assert.equal(lastRound, result.roundsCompleted);
    });

    it('the final, ratify and final-skipped events carry the last scored round', () => {
      const closing = events.flatMap((event) => {
        if (event.type === 'phase-started' && CLOSING.has(event.phase)) return [event.round];
        if (event.type === 'final-skipped') return [event.round];
        if (event.type === 'proposal' && event.proposal.phase === 'final')
          return [event.proposal.round];
        return [];
      });
      assert.ok(closing.length >= 2);
      for (const round of closing) assert.equal(round, lastRound);
    });

    it('the CLI never names a round past the last scored one for the closing phases', () => {
      const lines = events.flatMap((event) => {
        const closing =
          (event.type === 'phase-started' && CLOSING.has(event.phase)) ||
          event.type === 'final-skipped';
        const line = closing ? progressLine(event) : undefined;
        return line ? [line] : [];
      });
      assert.ok(lines.length >= 2, lines.join('\n'));
      for (const line of lines)
        assert.deepEqual(
          [...line.matchAll(/round (\d+)/g)].map((match) => Number(match[1])),
          [lastRound],
          line,
        );
    });

    it('the panel and get_task_status show the same round as the CLI while the closing phases run', () => {
      let view: RunViewState | undefined;
      const tracker = createStatusTracker(result.runId, 'consensus', 3, 0, 4);
      const seen: { cli: number; panel: number; status: number | undefined }[] = [];
      for (const event of events) {
        view = reduceRunView(view, event);
        applyEventToStatus(tracker, event);
        if (event.type === 'phase-started' && CLOSING.has(event.phase)) {
          const cli = Number(/round (\d+)/.exec(progressLine(event) ?? '')?.[1]);
          seen.push({ cli, panel: view.round ?? -1, status: tracker.status.round });
        }
      }
      assert.ok(seen.length > 0);
      for (const entry of seen)
        assert.deepEqual(entry, { cli: lastRound, panel: lastRound, status: lastRound });
    });

    it('the Markdown export heads the closing phases with the last scored round', () => {
      const markdown = transcriptToMarkdown(records);
      const headings = [...markdown.matchAll(/^## Round (\d+) — `?(final|ratify)`?/gm)];
      assert.ok(headings.length > 0, markdown.slice(0, 400));
      for (const heading of headings) assert.equal(Number(heading[1]), lastRound, heading[0]);
      assert.match(markdown, new RegExp(`rounds: ${lastRound};`));
    });
  });
}

describe('the status of a finished run', () => {
  const finishedStatus = async (overrideReviews: boolean) => {
    const council = createScriptedCouncil({
      product: (index, phase) => distinctText(index + (phase === 'draft' ? 0 : 10)),
      score: () => 8,
      improvementRoom: () => 'major',
      ...(overrideReviews ? { override: (_index, call) => unusableReview(call) } : {}),
    });
    const events: RunEvent[] = [];
    const result = await runConsensus(
      { task: 'Name a colour', outputKind: 'text', seed: 5, maxRounds: 4 },
      {
        participants: council.participants,
        transcript: new MemoryTranscript(),
        onEvent: (event) => events.push(event),
      },
    );
    const tracker = createStatusTracker(result.runId, 'consensus', 3, 0, 4);
    for (const event of events) applyEventToStatus(tracker, event);
    return { result, status: tracker.status };
  };

  for (const [name, overrideReviews] of [
    ['every review unusable (no-usable-reviews)', true],
    ['merges that never change (deadlock)', false],
  ] as const)
    it(`names no phase it is no longer in, and the rounds it completed: ${name}`, async () => {
      const { result, status } = await finishedStatus(overrideReviews);
      assert.equal(result.stopReason, overrideReviews ? 'no-usable-reviews' : 'deadlock');
      assert.equal(status.state, 'completed');
      assert.equal(status.phase, undefined);
      assert.equal(status.round, result.roundsCompleted);
      const text = describeStatus(status);
      assert.match(text, new RegExp(`is completed after round ${result.roundsCompleted},`));
      assert.doesNotMatch(text, /— (draft|review|merge|final|ratify)|of at most/);
    });
});
