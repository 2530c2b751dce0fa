/**
 * The panel says why the council stopped at a deadlock in its own language
 * (webview/views/deadlock-text.ts): in English exactly the core's detail
 * (src/core/detect-deadlock.ts) for every signal, in Japanese a translation with the same
 * figures, an older transcript's English detail as it is; and the panel state keeps the figures
 * of the engine's deadlock event.
 */
import assert from 'node:assert/strict';
import { deadlockDetail } from '../../src/core/detect-deadlock';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import { buildRunView } from '../../src/shared/run-view-state';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';
import { createLocalizer } from '../../webview/l10n/localize';
import { deadlockText } from '../../webview/views/deadlock-text';
import type { DeadlockMeasure } from '../../src/core/consensus-types';
import { EVERY_DEADLOCK_SIGNAL } from '../support/deadlock-measures';

const everySignal = EVERY_DEADLOCK_SIGNAL;
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('panel: a deadlock, by signal, in the panel language', () => {
  it('in English says exactly what the core says, for every signal', () => {
    const t = createLocalizer('en');
    for (const measure of Object.values(everySignal)) {
      const detail = deadlockDetail(measure);
      assert.equal(deadlockText(t, { signal: measure.signal, detail, measure }), detail);
    }
  });

  it('in Japanese translates every signal and keeps its figures', () => {
    const t = createLocalizer('ja');
    const lines = Object.values(everySignal).map((measure) =>
      deadlockText(t, { signal: measure.signal, detail: deadlockDetail(measure), measure }),
    );
    for (const line of lines) {
      assert.match(line, japanese);
      assert.doesNotMatch(line, /[A-Za-z]{4,}/, `no English left in: ${line}`);
    }
    assert.match(lines[0]!, /0\.13.*0\.05.*0\.25/);
    assert.match(lines[1]!, /ラウンド 1 の統合案.*下書き.*100%/);
    assert.match(lines[2]!, /ラウンド 2.*1\.2%.*2%/);
  });

  it("shows an older transcript's English detail as it is (no figures)", () => {
    const detail = 'Mean peer score moved 0.10 then 0.05 (< 0.25 for 2 rounds).';
    assert.equal(deadlockText(createLocalizer('ja'), { signal: 'frozen-scores', detail }), detail);
  });

  it("shows the English detail when a damaged transcript's figures are not numbers", () => {
    const detail = 'Mean peer score moved 0.10 then 0.05 (< 0.25 for 2 rounds).';
    const damaged = [
      { signal: 'frozen-scores', moves: 'x', limit: 0.25 },
      { signal: 'repeated-critique', similarity: '1', round: 1, previousRound: 0 },
      { signal: 'no-new-information', change: null, sinceRound: 2, limit: 0.02 },
      { signal: 'made-up' },
    ] as unknown as DeadlockMeasure[];
    for (const measure of damaged)
      assert.equal(
        deadlockText(createLocalizer('ja'), { signal: 'frozen-scores', detail, measure }),
        detail,
      );
  });

  it("keeps the engine's deadlock figures in the panel state", async () => {
    // Scores that never move and the same critique every round: the engine finds a deadlock.
    const council = createScriptedCouncil({
      product: (index, phase, round) =>
        phase === 'draft' ? distinctText(index) : distinctText(3 * round + index),
      score: (reviewer) => 5 + reviewer,
      critique: () => ['the same point'],
      improvementRoom: () => 'major',
    });
    const events: RunEvent[] = [];
    await runConsensus(
      { task: 'Name a colour', outputKind: 'text', seed: 3, maxRounds: 6 },
      {
        participants: council.participants,
        transcript: new MemoryTranscript(),
        onEvent: (event) => events.push(event),
      },
    );
    const deadlock = events.find((event) => event.type === 'deadlock');
    assert.ok(deadlock?.type === 'deadlock' && deadlock.measure, 'the engine found a deadlock');
    const round = buildRunView(events)?.rounds.find((r) => r.deadlock);
    assert.deepEqual(round?.deadlock?.measure, deadlock.measure);
    assert.equal(
      deadlockText(createLocalizer('en'), round!.deadlock!),
      deadlock.detail,
      'the panel line is the engine line, in English',
    );
  });
});
