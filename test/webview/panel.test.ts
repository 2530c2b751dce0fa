/**
 * The built panel in headless Chromium (issue 4, acceptance 1 and 4, plus the webview → host
 * round trip): fed the recorded 3-participant, 2-round run, it shows every element; the
 * screenshots of the running, converged and failed states go to test-artifacts/webview/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { RunEvent } from '../../src/core/run-events';
import { parseWebviewMessage } from '../../src/shared/webview-to-host';
import type { PanelPage } from './panel-harness';
import { testId, usePanelBrowser } from '../support/panel-suite';
import {
  buildFailedRun,
  buildRecordedRun,
  buildVoteRun,
  PARTICIPANTS,
  RUN_ID,
  VOTE_RUN_ID,
} from './fixtures/recorded-run';
import { NO_KEY_PROVIDERS, snapshotWith } from './fixtures/panel-snapshots';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/webview');

describe('panel in Chromium', function () {
  this.timeout(120_000);
  const chromium = usePanelBrowser({ artifacts: ARTIFACTS });
  let panel: PanelPage;
  const { events, midRunIndex } = buildRecordedRun();

  beforeEach(async () => {
    panel = await chromium.open();
  });
  afterEach(async () => {
    // Every message the panel posted must pass the host's own validation.
    for (const message of await panel.posted()) {
      assert.ok(parseWebviewMessage(message).ok, `host would reject ${JSON.stringify(message)}`);
    }
    // Only our own assets were ever requested.
    for (const url of panel.requests) assert.ok(url.startsWith(chromium.server.origin), url);
    // No script error; the one allowed console error is the toolkit's blocked empty inline style.
    // (sha256-47DEQ… is the hash of an empty string.)
    const errors = panel.consoleErrors.filter(
      (text) =>
        !/inline style.*'sha256-47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU='/.test(text),
    );
    assert.deepEqual(errors, []);
    await panel.page.close();
  });

  /** A token delta of the first participant's round-2 merge call, as the host posts it. */
  const sendMergeDelta = (callId: string, delta: string): Promise<void> =>
    panel.send({
      type: 'run-event',
      runId: RUN_ID,
      event: {
        type: 'token-delta',
        runId: RUN_ID,
        at: Date.now(),
        callId,
        participantId: PARTICIPANTS[0]!.id,
        phase: 'merge',
        round: 2,
        delta,
      },
    });
  const textOf = async (id: string): Promise<string> =>
    (await panel.page.locator(testId(id)).first().textContent()) ?? '';

  it('posts ready first, then shows the empty and "no keys yet" states', async () => {
    const posted = await panel.posted();
    assert.deepEqual(posted[0], { type: 'ready' });
    await panel.snapshot(snapshotWith(1, { providers: NO_KEY_PROVIDERS, history: [] }));
    assert.equal(await panel.page.locator(testId('empty-state')).count(), 1);
    assert.equal(await panel.page.locator(testId('no-keys')).count(), 1);
    assert.match(await textOf('provider-status'), /no API key/);
    assert.match(await textOf('history-list'), /No past runs/);
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'no-keys.png'), fullPage: true });
    await panel.page.locator(testId('set-api-key-button')).nth(1).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'set-api-key', provider: 'anthropic' });
  });

  it('shows a running run streaming, and a later token delta appends to it', async () => {
    await panel.snapshot(snapshotWith(3, { events: events.slice(0, midRunIndex) }));
    const status = await textOf('run-status');
    assert.match(status, /merge/);
    assert.match(status, /round 2 of 4/);
    assert.equal(await panel.page.locator(testId('participant-card')).count(), 3);
    assert.equal(await panel.page.locator(testId('cancel-button')).count(), 1);
    const card = panel.page.locator(
      `${testId('participant-card')}[data-participant-id="${PARTICIPANTS[0]!.id}"]`,
    );
    const before = (await card.locator(testId('participant-stream')).textContent()) ?? '';
    assert.ok(before.length > 0, 'the streaming card shows text');
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'running.png'), fullPage: true });

    // Acceptance 4: the view re-created mid-run gets a snapshot, then keeps streaming.
    const callId =
      events[midRunIndex - 1]!.type === 'token-delta'
        ? (events[midRunIndex - 1] as { callId: string }).callId
        : '';
    assert.ok(callId);
    await sendMergeDelta(callId, 'tionale":"still streaming after the reopen');
    // The delta completes the half-streamed JSON key: only an append makes it readable.
    const after = (await card.locator(testId('participant-stream')).textContent()) ?? '';
    assert.ok(!before.includes('still streaming'));
    assert.match(after, /export function add[\s\S]*— still streaming after the reopen$/);
    // An older snapshot is ignored.
    await panel.snapshot(snapshotWith(2, { events: buildFailedRun() }));
    assert.match(await textOf('run-status'), /merge/);

    await panel.page.locator(testId('cancel-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'cancel-run', runId: RUN_ID });
  });

  it('shows every element of a converged run fed live, event by event', async () => {
    await panel.snapshot(snapshotWith(1));
    for (const event of events)
      await panel.page.evaluate((m) => window.postMessage(m, '*'), {
        type: 'run-event',
        runId: RUN_ID,
        event,
      });
    await panel.settle();
    for (const id of [
      'run-status',
      'participant-card',
      'participant-stream',
      'score-matrix',
      'signals',
      'round-chart',
      'diff-view',
      'final-status',
      'minority-report',
      'apply-button',
      'copy-button',
      'discard-button',
      'history-list',
      'task-input',
      'start-button',
      'cost',
      'provider-status',
    ]) {
      assert.ok((await panel.page.locator(testId(id)).count()) > 0, `missing ${id}`);
    }
    assert.equal(await panel.page.locator(testId('cancel-button')).count(), 0);
    assert.equal(await panel.page.locator(testId('empty-state')).count(), 0);
    assert.equal((await textOf('final-status')).trim(), 'majority');
    assert.match(await textOf('run-status'), /majority/);
    assert.equal(await panel.page.locator(testId('score-matrix')).count(), 2);
    // Reviewer × author: GPT-5.1's row scores Claude 8 and Gemini 7 in round 1, itself "self".
    const round1 = panel.page.locator(testId('score-matrix')).nth(1);
    assert.match(
      ((await round1.locator(testId('matrix-row')).first().textContent()) ?? '').replace(
        /\s+/g,
        '',
      ),
      /^GPT-5\.1GPT-5\.1selfClaudeSonnet4\.58GeminiPro2\.57$|^GPT-5\.1GPT-5\.1selfClaudeSonnet4\.58Gemini2\.5Pro7$/,
    );
    assert.match(await textOf('minority-report'), /Gemini 2\.5 Pro.*approve with reservations/s);
    assert.match(await textOf('signals'), /Text divergence/);
    assert.match(await textOf('cost'), /25,200 input/);
    assert.match(await textOf('cost'), /\$0\.0786/);
    assert.equal(await panel.page.locator(`${testId('round-chart')} svg polyline`).count(), 2);
    assert.match(await textOf('final-product'), /export function add/);
    // A closed section's body is drawn once it is opened: the critiques and suggestions of
    // each review are in the DOM after the review sections are opened.
    assert.equal(await panel.page.locator(testId('review')).count(), 0);
    for (const summary of await panel.page.locator('details.review-report > summary').all()) {
      await summary.click();
    }
    await panel.settle();
    assert.ok((await panel.page.locator(testId('review')).count()) >= 12);
    // The diff between merged proposals, in both layouts (side by side in the wide view).
    await panel.page.setViewportSize({ width: 900, height: 900 });
    await panel.settle();
    assert.ok((await panel.page.locator(`${testId('diff-view')} .d2h-file-side-diff`).count()) > 0);
    await panel.page.locator(testId('diff-layout-line-by-line')).click();
    await panel.settle();
    assert.equal(await panel.page.locator(`${testId('diff-view')} .d2h-file-side-diff`).count(), 0);
    assert.ok((await panel.page.locator(`${testId('diff-view')} .d2h-file-diff`).count()) > 0);
    await panel.page.locator(`${testId('diff-view')} select`).selectOption({ index: 1 });
    await panel.settle();
    // Each pair of participants once per round, never a participant against itself.
    const labels = await panel.page
      .locator(`${testId('diff-view')} select option`)
      .allTextContents();
    assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
    for (const label of labels) {
      const [a, b] = label
        .replace(/^Round \d+: /, '')
        .replace(/ \(divergence.*$/, '')
        .split(' ↔ ');
      assert.notEqual(a, b, label);
    }
    assert.equal(labels.filter((l) => l.startsWith('Round 2:')).length, 3, labels.join(' | '));
    assert.ok(
      labels.some((l) => /Round 2: GPT-5\.1 ↔ Claude Sonnet 4\.5/.test(l)),
      labels.join(' | '),
    );
    await panel.page.locator(`${testId('diff-view')} select`).selectOption({ index: 0 });
    await panel.page.locator(testId('diff-layout-side-by-side')).click();
    await panel.page.locator('details.proposal summary').first().click();
    await panel.page.locator('details.review-report summary').first().click();
    await panel.settle();
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'converged.png'), fullPage: true });

    await panel.page.locator(testId('apply-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'apply-result', runId: RUN_ID });
    await panel.page.locator(testId('copy-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'copy-result', runId: RUN_ID });
  });

  it('is usable by keyboard: Enter on a focused button posts its message', async () => {
    await panel.snapshot(snapshotWith(1, { events }));
    await panel.page.locator(testId('discard-button')).focus();
    await panel.page.keyboard.press('Enter');
    assert.deepEqual((await panel.posted()).at(-1), { type: 'discard-result', runId: RUN_ID });
    await panel.page.locator(testId('copy-button')).focus();
    await panel.page.keyboard.press('Space');
    assert.deepEqual((await panel.posted()).at(-1), { type: 'copy-result', runId: RUN_ID });
    // Aria labels name what a button does for a screen reader.
    assert.equal(
      await panel.page.locator(testId('apply-button')).getAttribute('aria-label'),
      'Apply the consensus result to the editor',
    );
  });

  it('keeps keyboard focus on Cancel while tokens stream, and reaches Apply with Tab', async () => {
    await panel.snapshot(snapshotWith(1, { events: events.slice(0, midRunIndex) }));
    await panel.page.locator(testId('cancel-button')).focus();
    const call = events[midRunIndex - 1] as { callId: string };
    for (let i = 0; i < 5; i++) {
      await sendMergeDelta(call.callId, 'x');
    }
    const focused = (): Promise<string | undefined> =>
      panel.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
    assert.equal(await focused(), 'cancel-button');
    await panel.page.keyboard.press('Enter');
    assert.deepEqual((await panel.posted()).at(-1), { type: 'cancel-run', runId: RUN_ID });

    await panel.snapshot(snapshotWith(2, { events }));
    await panel.page.locator(testId('task-input')).focus();
    let presses = 0;
    while ((await focused()) !== 'apply-button' && presses < 40) {
      await panel.page.keyboard.press('Tab');
      presses++;
    }
    assert.equal(await focused(), 'apply-button', 'Apply is reachable with Tab');
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'keyboard-focus.png') });
  });

  it('disables Apply and says so once the result was applied', async () => {
    await panel.snapshot(snapshotWith(1, { events, applyState: 'applied' }));
    assert.equal(await panel.page.locator(testId('apply-button')).getAttribute('disabled'), '');
    await panel.page.locator(testId('apply-button')).click({ force: true });
    assert.ok(!(await panel.posted()).some((m) => (m as { type: string }).type === 'apply-result'));
    assert.match((await panel.page.locator('.apply-state').textContent()) ?? '', /Applied/);
  });

  it('draws the first hunks of a long diff at once, and the whole diff when asked', async () => {
    const started = events.find((event) => event.type === 'run-started')!;
    const long = Array.from({ length: 5000 }, (_unused, index) => `const v${index} = ${index};`);
    const changed = long.map((line, index) => (index % 50 === 0 ? `${line} // changed` : line));
    const proposal = (participantId: string, lines: string[]): RunEvent => ({
      type: 'proposal',
      runId: RUN_ID,
      at: started.at,
      proposal: {
        participantId,
        round: 1,
        phase: 'draft',
        product: lines.join('\n'),
        rationale: '',
      },
    });
    await panel.snapshot(
      snapshotWith(1, {
        events: [
          started,
          proposal(PARTICIPANTS[0]!.id, long),
          proposal(PARTICIPANTS[1]!.id, changed),
        ],
        applyState: 'not-applicable',
      }),
    );
    const rows = panel.page.locator(`${testId('diff-view')} .d2h-file-diff tr`);
    const firstDraw = await rows.count();
    const showAll = panel.page.locator(testId('diff-show-all'));
    assert.match(await showAll.innerText(), /Show the whole diff \(\d+ more changed lines\)/);
    await showAll.scrollIntoViewIfNeeded();
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'long-diff-first-hunks.png') });
    await showAll.click();
    await showAll.waitFor({ state: 'detached' });
    const whole = await rows.count();
    assert.ok(whole > firstDraw * 2, `rows: ${firstDraw} at first, ${whole} in the whole diff`);
    assert.match(await textOf('diff-view'), /const v4950 = 4950; \/\/ changed/);
  });

  it('shows a failed run with its error and abstentions', async () => {
    await panel.snapshot(
      snapshotWith(1, { events: buildFailedRun(), runId: 'run-2026-11-23-failed' }),
    );
    assert.equal(await panel.page.locator(testId('error-state')).count(), 1);
    assert.match(await textOf('error-state'), /No quorum/);
    assert.match(await textOf('error-state'), /Set API Key/);
    assert.equal((await textOf('final-status')).trim(), 'failed');
    assert.match(await textOf('run-status'), /failed/i);
    const abstained = panel.page.locator(`${testId('abstentions')} li`);
    assert.deepEqual(
      await abstained.evaluateAll((items) =>
        items.map((i) => i.getAttribute('data-participant-id')),
      ),
      ['anthropic:claude-sonnet-4-5', 'google:gemini-2.5-pro'],
    );
    assert.equal(await panel.page.locator(testId('apply-button')).count(), 0);
    await panel.page.screenshot({ path: path.join(ARTIFACTS, 'failed.png'), fullPage: true });
  });

  it('starts a run from the task input, and re-opens, exports and re-runs from history', async () => {
    await panel.snapshot(snapshotWith(1));
    await panel.page.locator(testId('start-button')).click();
    // The panel draws on the next animation frame: wait for the message, then read it.
    const formMessage = panel.page.locator('.form-message', { hasText: /\S/ });
    await formMessage.waitFor();
    assert.match((await formMessage.textContent()) ?? '', /Type a task/);
    await panel.page.locator(testId('task-input')).click();
    await panel.page.keyboard.type('Explain closures');
    await panel.page.locator(testId('start-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), {
      type: 'start-run',
      task: 'Explain closures',
      outputKind: 'text',
      useSelection: false,
    });
    const first = panel.page.locator(`${testId('history-list')} li`).first();
    for (const [label, expected] of [
      ['Open', { type: 'open-run', runId: RUN_ID }],
      ['JSON', { type: 'export-run', runId: RUN_ID, format: 'json' }],
      ['Markdown', { type: 'export-run', runId: RUN_ID, format: 'markdown' }],
      ['Re-run', { type: 'rerun', runId: RUN_ID }],
    ] as const) {
      await first.getByText(label, { exact: true }).click();
      assert.deepEqual((await panel.posted()).at(-1), expected);
    }
  });

  it('shows a quick vote with each answer and the outcome', async () => {
    await panel.snapshot(snapshotWith(1, { events: buildVoteRun(), runId: VOTE_RUN_ID }));
    assert.equal(await panel.page.locator(`${testId('votes')} li`).count(), 3);
    assert.match(await textOf('votes'), /Gemini 2\.5 Pro:\s*Tabs/);
    assert.equal((await textOf('final-status')).trim(), 'reached');
    assert.match(
      (await panel.page.locator('.vote-outcome').textContent()) ?? '',
      /Spaces \(confidence 67%\)/,
    );
  });

  it('speaks Japanese when the snapshot locale is ja', async () => {
    await panel.snapshot(snapshotWith(1, { events, locale: 'ja-JP' }));
    assert.equal((await textOf('start-button')).trim(), '開始');
    assert.equal((await textOf('apply-button')).trim(), '適用');
    assert.match(await textOf('run-status'), /完了/);
    assert.equal(await panel.page.evaluate(() => document.documentElement.lang), 'ja');
  });
});
