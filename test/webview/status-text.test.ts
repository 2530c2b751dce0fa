/**
 * The panel's status line never counts backwards: through a real engine run (the scripted
 * council of test/support), the debate phases read "round N of M" with N never falling, and
 * the closing phases read "after round N" with N the last scored round, the number the CLI
 * prints (test/app/round-numbers-agree.test.ts), in English and Japanese.
 */
import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import { progressLine } from '../../src/cli/progress-printer';
import { reduceRunView, type RunViewState } from '../../src/shared/run-view-state';
import { runStatusText } from '../../webview/views/status-text';
import { createLocalizer } from '../../webview/l10n/localize';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';

async function engineEvents(): Promise<RunEvent[]> {
  const council = createScriptedCouncil({
    product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed text'),
    score: (_r, round) => (round === 1 ? 6 : 9),
    improvementRoom: (_r, round) => (round === 1 ? 'major' : 'none'),
  });
  const events: RunEvent[] = [];
  await runConsensus(
    { task: 'Write it', outputKind: 'text', seed: 2, scheduling: { alwaysRunFinal: true } },
    {
      participants: council.participants,
      transcript: new MemoryTranscript(),
      onEvent: (event) => events.push(event),
    },
  );
  return events;
}

interface Line {
  phase: string;
  text: string;
  cli: number;
}

function statusLines(events: RunEvent[], locale: string): Line[] {
  const t = createLocalizer(locale);
  let view: RunViewState | undefined;
  const lines: Line[] = [];
  for (const event of events) {
    view = reduceRunView(view, event);
    if (event.type !== 'phase-started') continue;
    const cli = Number(/round (\d+)/.exec(progressLine(event) ?? '')?.[1]);
    lines.push({ phase: event.phase, text: runStatusText(view, t), cli });
  }
  return lines;
}

const CLOSING = new Set(['final', 'ratify']);
const PATTERNS = {
  en: { debate: /round (\d+) of (\d+)/, closing: /after round (\d+)/ },
  ja: { debate: /ラウンド (\d+) \/ (\d+)/, closing: /ラウンド (\d+) の後/ },
};

describe('the run status line (en, ja)', () => {
  let events: RunEvent[];
  before(async () => {
    events = await engineEvents();
    const phases = events.flatMap((e) => (e.type === 'phase-started' ? [e.phase] : []));
    assert.ok(phases.includes('final') && phases.includes('ratify'), phases.join(' '));
  });

  for (const locale of ['en', 'ja'] as const) {
    it(`${locale}: never counts backwards and names the CLI's round for the closing phases`, () => {
      const lines = statusLines(events, locale);
      const pattern = PATTERNS[locale];
      let highest = 0;
      const shown: string[] = [];
      for (const line of lines) {
        shown.push(line.text);
        if (CLOSING.has(line.phase)) {
          assert.doesNotMatch(line.text, pattern.debate, line.text);
          const after = Number(pattern.closing.exec(line.text)?.[1]);
          assert.equal(after, line.cli, line.text);
          assert.ok(after < highest, `"after round ${after}" follows the review that scored it`);
          continue;
        }
        const match = pattern.debate.exec(line.text);
        assert.ok(match, line.text);
        const round = Number(match[1]);
        assert.equal(round, line.cli, line.text);
        assert.ok(round >= highest, `counts backwards:\n${shown.join('\n')}`);
        highest = round;
      }
      assert.ok(highest >= 2, shown.join('\n'));
    });
  }
});
