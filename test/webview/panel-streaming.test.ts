/**
 * The panel while a proposal streams at 50 deltas a second, in Chromium: ordinary mouse clicks
 * (120 ms between press and release) on Cancel and on a section toggle all land, text selected
 * in the streaming card stays selected, and a delta changes text, never elements. Plus the
 * per-block cap that keeps pathological Markdown from freezing the panel.
 */
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/core/run-events';
import type { PanelPage } from './panel-harness';
import { testId, usePanelBrowser } from '../support/panel-suite';
import { buildRecordedRun, PARTICIPANTS, RUN_ID } from './fixtures/recorded-run';
import { snapshotWith } from './fixtures/panel-snapshots';

describe('panel while a proposal streams (Chromium)', function () {
  this.timeout(180_000);
  const chromium = usePanelBrowser();
  let panel: PanelPage;
  const { events, midRunIndex } = buildRecordedRun();
  const streamingCall = events[midRunIndex - 1] as Extract<RunEvent, { type: 'token-delta' }>;

  beforeEach(async () => {
    panel = await chromium.open();
    await panel.snapshot(snapshotWith(1, { events: events.slice(0, midRunIndex) }));
  });
  afterEach(async () => {
    await stopStream();
    assert.deepEqual(panel.consoleErrors, []);
    await panel.page.close();
  });

  /** Posts a token delta for the streaming call every 20 ms (50 a second) inside the page. */
  async function startStream(): Promise<void> {
    await panel.page.evaluate(
      ({ call, runId }) => {
        let n = 0;
        const w = window as unknown as { __stream?: number; __deltas: number };
        w.__deltas = 0;
        w.__stream = window.setInterval(() => {
          // The recorded call stopped inside the key `"rationale"`: finish the key first.
          const delta = n === 0 ? 'tionale":"' : ` token${n}`;
          n++;
          w.__deltas++;
          window.postMessage(
            {
              type: 'run-event',
              runId,
              event: { ...call, at: Date.now(), delta },
            },
            '*',
          );
        }, 20);
      },
      { call: streamingCall, runId: RUN_ID },
    );
  }
  async function stopStream(): Promise<void> {
    await panel.page.evaluate(() => {
      const w = window as unknown as { __stream?: number };
      if (w.__stream !== undefined) window.clearInterval(w.__stream);
    });
  }
  const deltasSoFar = (): Promise<number> =>
    panel.page.evaluate(() => (window as unknown as { __deltas: number }).__deltas);
  const streamText = async (): Promise<string> =>
    (await panel.page
      .locator(`${testId('participant-card')}[data-participant-id="${PARTICIPANTS[0]!.id}"]`)
      .locator(testId('participant-stream'))
      .textContent()) ?? '';

  it('lands 20 of 20 slow clicks on Cancel and on a section toggle during the stream', async () => {
    await startStream();
    const cancel = panel.page.locator(testId('cancel-button'));
    const posted = async (): Promise<number> =>
      (await panel.posted()).filter((m) => (m as { type: string }).type === 'cancel-run').length;
    for (let i = 1; i <= 20; i++) {
      await cancel.click({ delay: 120 });
      assert.equal(await posted(), i, `cancel click ${i} of 20 was lost`);
    }
    const details = panel.page.locator('details.proposal').first();
    const summary = details.locator('summary');
    for (let i = 1; i <= 20; i++) {
      const wasOpen = await details.evaluate((d) => (d as HTMLDetailsElement).open);
      await summary.click({ delay: 120 });
      const isOpen = await details.evaluate((d) => (d as HTMLDetailsElement).open);
      assert.equal(isOpen, !wasOpen, `toggle click ${i} of 20 was lost`);
    }
    // The stream really ran during the clicks, and the card shows it.
    assert.ok((await deltasSoFar()) > 50, `only ${await deltasSoFar()} deltas were sent`);
    assert.match(await streamText(), /token\d+$/);
  });

  it('keeps text selected in the streaming card across deltas, and adds no elements', async () => {
    const selected = await panel.page.evaluate((participantId) => {
      const pre = document.querySelector(
        `[data-participant-id="${participantId}"] [data-testid="participant-stream"]`,
      )!;
      const text = Array.from(pre.childNodes).find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.length > 12,
      )!;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 12);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, PARTICIPANTS[0]!.id);
    assert.equal(selected.length, 10);
    // Count the elements added or removed anywhere in the panel while tokens stream.
    await panel.page.evaluate(() => {
      const w = window as unknown as { __nodes: number; __observer: MutationObserver };
      w.__nodes = 0;
      w.__observer = new MutationObserver((records) => {
        for (const r of records) w.__nodes += r.addedNodes.length + r.removedNodes.length;
      });
      w.__observer.observe(document.getElementById('app')!, { childList: true, subtree: true });
    });
    const before = await streamText();
    await startStream();
    await panel.page.waitForFunction(
      () => (window as unknown as { __deltas: number }).__deltas >= 40,
    );
    await stopStream();
    await panel.settle();
    const after = await streamText();
    assert.ok(after.length > before.length + 100, 'the card kept streaming');
    assert.equal(
      await panel.page.evaluate(() => window.getSelection()!.toString()),
      selected,
      'the selection survived 40 deltas',
    );
    assert.equal(
      await panel.page.evaluate(() => (window as unknown as { __nodes: number }).__nodes),
      0,
      'token deltas only change text; no node was added or removed',
    );
  });

  it('renders at most a capped slice of pathological Markdown, the rest as plain text', async () => {
    const brackets = '['.repeat(120_000);
    const emphasis = '*a _b '.repeat(20_000);
    const table = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(10_000)}`;
    const rationale = `${brackets}\n\n${emphasis}\n\n${table}`;
    const finished = events.map((event) =>
      event.type === 'run-finished' && 'rationale' in event.result
        ? { ...event, result: { ...event.result, rationale } }
        : event,
    );
    await panel.snapshot(snapshotWith(2, { events: finished }));
    const block = panel.page
      .locator('section.result .markdown')
      .filter({ has: panel.page.locator(testId('capped-rest')) });
    assert.equal(await block.count(), 1, 'the long rationale is capped');
    const rendered = await block.evaluate((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      clone.querySelector('[data-testid="capped-rest"]')?.remove();
      return { text: clone.textContent!.length, elements: clone.querySelectorAll('*').length };
    });
    assert.ok(rendered.text <= 8_100, `rendered ${rendered.text} characters as Markdown`);
    assert.ok(rendered.elements < 2_000, `rendered ${rendered.elements} elements`);
    // The panel still answers: Copy posts its message.
    await panel.page.locator(testId('copy-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'copy-result', runId: RUN_ID });
    // The whole text is there, as plain text, one click away.
    const rest = block.locator(testId('capped-rest'));
    assert.match(await rest.locator('summary').innerText(), /Show all as plain text/);
    await rest.locator('summary').click();
    const plain = (await rest.locator('pre').textContent()) ?? '';
    assert.equal(plain.length, rationale.length);
    assert.equal(await rest.locator('pre *').count(), 0, 'plain text, no markup');
  });
});
