/**
 * The panel's notices and quieter states, in Chromium, from event streams the real engine
 * produced (scripted models, src/core/engine.ts): the empty state's "Try with simulated
 * participants" button, dev mode's keyless participants called ready, a round without a usable review (English and Japanese), a transcript
 * that could not be fully written, a skipped final phase, and calls the run no longer needed.
 */
import assert from 'node:assert/strict';
import { runConsensus } from '../../src/core/engine';
import type { ConsensusInput } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import {
  createScriptedCouncil,
  DISAGREEING_PLAN,
  distinctText,
  type CouncilPlan,
} from '../support/scripted-council';
import type { PanelPage } from './panel-harness';
import { testId, usePanelBrowser } from '../support/panel-suite';
import { buildRecordedRun } from './fixtures/recorded-run';
import { NO_KEY_PROVIDERS, snapshotWith } from './fixtures/panel-snapshots';
import type { ProviderReadiness } from '../../src/shared/provider-status';

async function engineRun(
  plan: CouncilPlan,
  input: Partial<ConsensusInput> = {},
  onEvent?: (event: RunEvent) => void,
  finishEarly?: AbortSignal,
): Promise<RunEvent[]> {
  const council = createScriptedCouncil(plan);
  const events: RunEvent[] = [];
  await runConsensus(
    { task: 'Name a colour', outputKind: 'text', seed: 5, maxRounds: 4, ...input },
    {
      participants: council.participants,
      ...(finishEarly ? { finishEarly } : {}),
      onEvent: (event) => {
        events.push(event);
        onEvent?.(event);
      },
    },
  );
  return events;
}

/** A review naming only a label nobody was shown: valid JSON, no usable score. */
const unusableReviews: CouncilPlan = {
  product: (index, phase, round) => distinctText(index + (phase === 'draft' ? 0 : 10 * round)),
  improvementRoom: () => 'major',
  override: (_index, call) =>
    call.schemaName === 'review'
      ? {
          json: {
            reviews: {
              'Proposal Z': {
                score: 10,
                critique: ['fine'],
                suggestions: [],
                majorIssues: 0,
                agreementOutlook: 'agree',
              },
            },
            improvementRoom: 'none',
          },
        }
      : undefined,
};

/** Different drafts, then identical merges that converge: the final phase is skipped. */
const identicalMerges: CouncilPlan = {
  product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed text'),
  score: (_reviewer, round) => (round === 1 ? 6 : 9),
  improvementRoom: (_reviewer, round) => (round === 1 ? 'major' : 'none'),
};

const twoRounds: CouncilPlan = { ...DISAGREEING_PLAN, latencyMs: 5 };

describe('panel notices and quiet states (Chromium)', function () {
  this.timeout(120_000);
  const chromium = usePanelBrowser();
  let panel: PanelPage;

  afterEach(async () => {
    assert.deepEqual(panel.consoleErrors, []);
    await panel.page.close();
  });

  for (const [locale, label] of [
    ['en', 'Try with simulated participants'],
    ['ja', 'シミュレーション参加者で試す'],
  ] as const) {
    it(`the empty state's "Try with simulated participants" asks the host for the simulated run (${locale})`, async () => {
      panel = await chromium.open(locale);
      await panel.snapshot(snapshotWith(1, { locale }));
      const button = panel.page.locator(testId('try-simulated-button'));
      assert.equal(await panel.page.locator(testId('empty-state')).count(), 1);
      assert.equal((await button.textContent())?.trim(), label);
      const before = (await panel.posted()).length;
      await button.click();
      const posted = await panel.posted();
      assert.deepEqual(posted.slice(before), [{ type: 'try-simulated' }]);
    });
  }

  for (const [locale, ready] of [
    ['en', /Ready to run.*Simulated participants.*need no API key/s],
    ['ja', /実行できます.*シミュレーション参加者.*API キーが不要/s],
  ] as const) {
    it(`dev mode's simulated participants, no key: "ready", not "No API keys yet" (${locale})`, async () => {
      panel = await chromium.open(locale);
      const simulated: ProviderReadiness = {
        provider: 'simulated',
        displayName: locale === 'en' ? 'Simulated participants' : 'シミュレーション参加者',
        keyPresent: false,
        needsKey: false,
        models: ['ada', 'basil', 'cleo'],
      };
      const vendors = NO_KEY_PROVIDERS.map((p) => ({ ...p, models: [] }));
      await panel.snapshot(snapshotWith(1, { locale, providers: [...vendors, simulated] }));
      assert.equal(await panel.page.locator(testId('no-keys')).count(), 0);
      assert.match((await panel.page.locator(testId('keyless-ready')).textContent()) ?? '', ready);
      // The same vendors configured without their keys: "No API keys yet" as before.
      await panel.snapshot(snapshotWith(2, { locale, providers: NO_KEY_PROVIDERS }));
      assert.equal(await panel.page.locator(testId('no-keys')).count(), 1);
      assert.equal(await panel.page.locator(testId('keyless-ready')).count(), 0);
    });
  }

  for (const [locale, pattern] of [
    ['en', /^Round (\d): no usable review arrived, so this round has no scores/],
    ['ja', /^ラウンド (\d): 使えるレビューが届かなかったため、このラウンドにはスコアがありません/],
  ] as const) {
    it(`a round without a usable review says so in that round (${locale})`, async () => {
      const events = await engineRun(unusableReviews);
      const noticed = events.flatMap((e) => (e.type === 'notice' ? [e.notice.round] : []));
      assert.ok(noticed.length >= 1, 'the engine noticed the unusable reviews');
      panel = await chromium.open(locale);
      await panel.snapshot(snapshotWith(1, { events, runId: events[0]!.runId, locale }));
      const notices = await panel.page.locator(testId('round-notice')).allTextContents();
      assert.equal(notices.length, noticed.length);
      const rounds = notices.map((text) => Number(pattern.exec(text.trim())?.[1]));
      assert.deepEqual([...rounds].sort(), [...noticed].sort(), notices.join(' | '));
      // Each notice stands in its own round's section.
      for (const round of noticed) {
        const section = panel.page.locator('section.round', {
          has: panel.page.locator(testId('round-notice')),
          hasText: locale === 'en' ? `Round ${round}` : `ラウンド ${round}`,
        });
        assert.ok((await section.count()) >= 1, `round ${round} holds its notice`);
      }
    });
  }

  it('a transcript that could not be fully written is a visible warning, only then', async () => {
    const events = buildRecordedRun().events;
    panel = await chromium.open();
    await panel.snapshot(snapshotWith(1, { events }));
    assert.equal(await panel.page.locator(testId('transcript-incomplete')).count(), 0);
    const incomplete: RunEvent = { type: 'transcript-incomplete', runId: events[0]!.runId, at: 1 };
    await panel.snapshot(snapshotWith(2, { events: [events[0]!, incomplete, ...events.slice(1)] }));
    assert.match(
      (await panel.page.locator(testId('transcript-incomplete')).textContent()) ?? '',
      /could not be fully written .* history and exports of this run miss some records/,
    );
    await panel.snapshot(
      snapshotWith(3, { events: [events[0]!, incomplete, ...events.slice(1)], locale: 'ja' }),
    );
    assert.match(
      (await panel.page.locator(testId('transcript-incomplete')).textContent()) ?? '',
      /トランスクリプトを完全には書き込めませんでした/,
    );
  });

  it('a skipped final phase names the round whose merged proposals were identical', async () => {
    const events = await engineRun(identicalMerges);
    const skipped = events.find((e) => e.type === 'final-skipped');
    assert.ok(skipped && skipped.type === 'final-skipped', 'the engine skipped the final phase');
    panel = await chromium.open();
    await panel.snapshot(snapshotWith(1, { events, runId: events[0]!.runId }));
    assert.equal(
      (await panel.page.locator(testId('final-skipped')).textContent())?.trim(),
      `Final versions skipped: the merged proposals of round ${skipped.round} were identical, so they went straight to ratification.`,
    );
    // A run that ran its final phase says nothing of the kind.
    const ran = await engineRun(identicalMerges, { scheduling: { alwaysRunFinal: true } });
    assert.equal(ran.filter((e) => e.type === 'final-skipped').length, 0);
    await panel.snapshot(snapshotWith(2, { events: ran, runId: ran[0]!.runId }));
    assert.equal(await panel.page.locator(testId('final-status')).count(), 1);
    assert.equal(await panel.page.locator(testId('final-skipped')).count(), 0);
  });

  for (const [locale, stoppedText] of [
    ['en', 'not needed (stopped)'],
    ['ja', '不要(停止)'],
  ] as const) {
    it(`calls the run no longer needed show as such on their participant's card (${locale})`, async () => {
      const stop = new AbortController();
      // Finish early mid-merge of round 2: the merges in flight are not waited for.
      const events = await engineRun(
        twoRounds,
        {},
        (event) => {
          if (event.type === 'token-delta' && event.phase === 'merge' && event.round === 2) {
            stop.abort();
          }
        },
        stop.signal,
      );
      // Whose latest call (by its start) ended as not needed.
      const started = events.flatMap((e) => (e.type === 'call-started' ? [e] : []));
      const lastCall = new Map(started.map((e) => [e.participantId, e.callId]));
      const notNeeded = new Set(
        events.flatMap((e) =>
          e.type === 'call-not-needed' && lastCall.get(e.participantId) === e.callId
            ? [e.participantId]
            : [],
        ),
      );
      assert.ok(notNeeded.size >= 1, 'a participant whose last call was not needed');
      panel = await chromium.open(locale);
      await panel.snapshot(snapshotWith(1, { events, runId: events[0]!.runId, locale }));
      for (const id of ['p1', 'p2', 'p3']) {
        const card = panel.page.locator(
          `${testId('participant-card')}[data-participant-id="${id}"]`,
        );
        const badge = ((await card.locator('.badge').textContent()) ?? '').trim();
        if (notNeeded.has(id)) assert.equal(badge, stoppedText, id);
        else assert.notEqual(badge, stoppedText, id);
        assert.equal(
          (await card.getAttribute('class'))?.includes('status-not-needed'),
          notNeeded.has(id),
        );
      }
    });
  }

  for (const [locale, identical, round] of [
    ['en', 'The two proposals are identical.', 'Round 2'],
    ['ja', '2 つの提案は同一です。', 'ラウンド 2'],
  ] as const) {
    it(`a comparison of two identical proposals says so, one that differs draws its rows (${locale})`, async () => {
      panel = await chromium.open(locale);
      await panel.snapshot(snapshotWith(1, { events: buildRecordedRun().events, locale }));
      const select = panel.page.locator(`${testId('diff-view')} select`);
      const labels = await select.locator('option').allTextContents();
      // Round 2: Claude's and Gemini's merges are the same text; GPT's differs from both.
      const same = labels.findIndex(
        (l) => l.startsWith(round) && /Claude.*Gemini|Gemini.*Claude/.test(l),
      );
      const differs = labels.findIndex((l) => l.startsWith(round) && /GPT/.test(l));
      assert.ok(same >= 0 && differs >= 0, labels.join(' | '));
      await select.selectOption({ index: same });
      await panel.settle();
      assert.equal(
        (await panel.page.locator(testId('diff-identical')).textContent())?.trim(),
        identical,
      );
      assert.equal(await panel.page.locator('.d2h-ins, .d2h-del').count(), 0);
      await select.selectOption({ index: differs });
      await panel.settle();
      assert.equal(await panel.page.locator(testId('diff-identical')).count(), 0);
      assert.ok((await panel.page.locator('.d2h-ins').count()) > 0);
      // The selection against the result: the edited signature line pairs with its new form
      // and marks the changed words; the added doc comment pairs with nothing.
      await select.selectOption({ index: 0 });
      await panel.settle();
      const del = panel.page.locator('td.d2h-del.d2h-change .d2h-code-line-ctn');
      const ins = panel.page.locator('td.d2h-ins.d2h-change .d2h-code-line-ctn');
      assert.deepEqual(await del.allTextContents(), ['function add(a, b) {']);
      assert.deepEqual(await ins.allTextContents(), [
        'export function add(a: number, b: number): number {',
      ]);
      assert.ok((await ins.locator('ins').count()) > 0);
      assert.match(
        (
          await panel.page
            .locator('td.d2h-ins:not(.d2h-change) .d2h-code-line-ctn')
            .allTextContents()
        ).join('|'),
        /\/\*\* Adds two numbers\. \*\//,
      );
    });
  }
});
