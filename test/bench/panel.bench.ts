/**
 * The panel in headless Chromium (the same harness as the webview tests):
 * - panelRenderMs: a finished 4-round, 3-participant run with 20 KB proposals, produced by the
 *   real engine, posted as a snapshot until the final status is on screen;
 * - firstTokenToPanelMs: the fake vendor writes a stream's first text delta; the real SDK
 *   parses it, the adapter hands it on, it is posted to the page as the host would, and the
 *   page's MutationObserver notes when it is in the DOM (both clocks are epoch ms on one machine);
 * - tokenUpdateMs: the median cost of one token delta (folded into the view and rendered) with
 *   the 4-round run's 20 KB proposals on screen; nodesReplacedPerToken: DOM nodes added or
 *   removed per delta (goal: a handful at most, whatever the run's size: Lit changes one text
 *   node);
 * - diffMs: two 5,000-line proposals drawn by the panel's own renderDiff (jsdiff's line diff,
 *   drawn as Lit templates in diff2html's markup) into a page's DOM, layout included, as the
 *   panel first shows it (its first 200 diff lines); the whole diff in both layouts and the
 *   line diff alone in Node are printed alongside.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { structuredPatch } from 'diff';
import { build } from 'esbuild';
import type { BenchModule } from './bench-module';
import { runConsensus } from '../../src/core/engine';
import type { LanguageModel, ModelRequest } from '../../src/core/language-model';
import type { Participant } from '../../src/core/participant';
import type { RunEvent } from '../../src/core/run-events';
import {
  ensurePanelBuilt,
  launchChromium,
  openPanel,
  startPanelServer,
} from '../webview/panel-harness';
import { snapshotWith } from '../webview/fixtures/panel-snapshots';
import { startFakeVendorServer } from '../fake-vendor/fake-vendor-server';
import { createLanguageModel } from '../../src/providers/create-language-model';
import { connectionFor, modelIdFor, VENDORS } from '../providers/support/vendor-connections';

function proposalText(seed: number, bytes = 20_000): string {
  const lines: string[] = [];
  for (let index = 0; lines.join('\n').length < bytes; index++) {
    lines.push(
      `export function step${index}(value: number): number { return value * ${(index * 7 + seed) % 13} + ${seed}; }`,
    );
  }
  return lines.join('\n');
}

/** Answers every phase validly; proposals, scores and critiques keep moving so the run goes all
 * 4 rounds without a deadlock. */
function benchModel(index: number): LanguageModel {
  let calls = 0;
  return {
    provider: ['openai', 'anthropic', 'google'][index]!,
    modelId: 'bench',
    async generate(request: ModelRequest) {
      const name = request.jsonSchema?.name;
      // The labels a reviewer was shown: the review schema names one property per label
      // (src/core/review-schema.ts); the prompt's proposals are JSON, not markup.
      const shown = (
        request.jsonSchema?.schema as { properties?: { reviews?: { required?: string[] } } }
      )?.properties?.reviews?.required;
      const labels = shown ?? [];
      calls += 1;
      const seed = index * 31 + request.messages.length;
      const body =
        name === 'review'
          ? {
              reviews: labels.map((label) => ({
                label,
                score: 2 + ((index + calls) % 8),
                critique: [`Call ${calls}: ${proposalText(calls, 200)} (${label})`],
                suggestions: ['Tighten it.'],
                majorIssues: 1,
                agreementOutlook: 'far',
              })),
              improvementRoom: 'major',
            }
          : name === 'ratification'
            ? { vote: 'approve', reasons: [] }
            : name === 'merge'
              ? {
                  product: proposalText(seed + Math.floor(Math.random() * 1000)),
                  rationale: 'bench',
                  critiqueResponse: ['Taken.'],
                }
              : { product: proposalText(seed), rationale: 'bench' };
      const text = JSON.stringify(body);
      request.onTextDelta?.(text.slice(0, 50));
      return {
        text,
        usage: { inputTokens: 1000, outputTokens: 1000, cachedInputTokens: 0 },
        finishReason: 'stop',
        modelId: 'bench',
      };
    },
  };
}

export async function recordFourRoundRun(): Promise<RunEvent[]> {
  const participants: Participant[] = [0, 1, 2].map((index) => ({
    id: `p${index + 1}`,
    provider: ['openai', 'anthropic', 'google'][index]!,
    model: 'bench',
    displayName: ['GPT', 'Claude', 'Gemini'][index]!,
    languageModel: benchModel(index),
  }));
  const events: RunEvent[] = [];
  await runConsensus(
    {
      task: 'Refactor the module',
      outputKind: 'code',
      maxRounds: 4,
      seed: 1,
      context: { selection: proposalText(0), languageId: 'typescript' },
    },
    {
      participants,
      onEvent: (event) => {
        if (event.type !== 'token-delta') events.push(event);
      },
    },
  );
  return events;
}

/** webview/render-diff.ts as a script that sets window.__renderDiff. */
export async function bundleRenderDiff(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { FIRST_DRAW_DIFF_LINES, renderDiff } from './webview/render-diff';
        window.__renderDiff = renderDiff; window.__firstDrawLines = FIRST_DRAW_DIFF_LINES;`,
      resolveDir: path.resolve(__dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the first delta');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function waitForValue<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the text in the panel');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface TokenUpdateFigures {
  medianMs: number;
  nodesPerDelta: number;
  deltas: number;
  onScreenKb: number;
}

/** See tokenUpdateMs above. In-page code is a string, so tsx's keep-names helper stays out. */
async function measureTokenUpdates(
  page: Page,
  runId: string,
  events: RunEvent[],
  version: number,
): Promise<TokenUpdateFigures> {
  const lastScored = events.map((e) => e.type).lastIndexOf('round-scored');
  const base = events.slice(0, lastScored + 1);
  const first = events.find((e) => e.type === 'call-started')!;
  if (first.type !== 'call-started') throw new Error('no call-started');
  const at = base.at(-1)!.at;
  const callStarted: RunEvent = { ...first, callId: 'bench-live-call', round: 5, at };
  const snapshot = snapshotWith(version, { runId, events: [...base, callStarted] });
  await page.evaluate((message) => window.postMessage(message, '*'), {
    type: 'snapshot',
    snapshot,
  });
  // The proposals and reviews on screen, as a user who opened them sees them (the panel draws
  // a closed section's body only once it is opened).
  await page.waitForFunction(() => document.querySelectorAll('details.collapsible').length > 0);
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details.collapsible')) {
      details.open = true;
    }
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="review"]').length > 0);
  const delta = { ...first, type: 'token-delta', callId: 'bench-live-call', round: 5, at };
  return page.evaluate<TokenUpdateFigures>(`new Promise((resolve) => {
    const deltaTemplate = ${JSON.stringify(delta)};
    let nodes = 0;
    new MutationObserver((records) => {
      for (const r of records) nodes += r.addedNodes.length + r.removedNodes.length;
    }).observe(document.getElementById('app'), { subtree: true, childList: true });
    const samples = [];
    const total = 60;
    let n = 0;
    const onScreenKb = Math.round(document.getElementById('app').textContent.length / 1024);
    const next = () => {
      if (n === total) {
        const warm = samples.slice(10).sort((a, b) => a - b);
        resolve({
          medianMs: warm[Math.floor(warm.length / 2)],
          nodesPerDelta: Math.round((nodes / total) * 100) / 100,
          deltas: total,
          onScreenKb,
        });
        return;
      }
      n++;
      const event = { ...deltaTemplate, delta: ' token' + n };
      const started = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'run-event', runId: event.runId, event } }));
      const folded = performance.now() - started;
      requestAnimationFrame((frameStart) => {
        samples.push(folded + (performance.now() - frameStart));
        setTimeout(next, 0);
      });
    };
    next();
  })`);
}

export const panelBench: BenchModule = {
  name: 'panel (headless Chromium) and diff',
  async run() {
    const events = await recordFourRoundRun();
    const runId = events[0]!.runId;
    const rounds = events.filter((event) => event.type === 'round-scored').length;
    const failed = events.find((event) => event.type === 'run-failed');
    if (failed || rounds !== 4) {
      throw new Error(
        `the recorded run must go 4 rounds (got ${rounds}): ${JSON.stringify(failed)}`,
      );
    }

    const left = Array.from(
      { length: 5000 },
      (_unused, index) => `line ${index}: const value${index} = compute(${index});`,
    ).join('\n');
    const right = left
      .split('\n')
      .map((line, index) => (index % 50 === 0 ? `${line} // changed` : line))
      .join('\n');
    const diffSamples: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      structuredPatch(
        'proposal A',
        'proposal B',
        `${left}\n// ${attempt}\n`,
        `${right}\n`,
        '',
        '',
        { context: 3 },
      );
      diffSamples.push(performance.now() - started);
    }

    await ensurePanelBuilt();
    const server = await startPanelServer();
    const browser = await launchChromium();
    try {
      const panel = await openPanel(browser, server);
      // The panel ignores a snapshot older than the one it shows.
      let version = 0;
      const nextVersion = () => ++version;
      const renderSamples: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const snapshot = snapshotWith(nextVersion(), { runId, events, applyState: 'pending' });
        // The message is handed over first (a multi-MB string expression closes the page);
        // the timed part is in-page code as a string, so tsx's keep-names helper stays out.
        await panel.page.evaluate(
          (message) => {
            (window as unknown as { __benchMessage: unknown }).__benchMessage = message;
          },
          { type: 'snapshot', snapshot },
        );
        renderSamples.push(
          await panel.page.evaluate<number>(`new Promise((resolve) => {
            const started = performance.now();
            const check = () => document.querySelector('[data-testid="final-status"]')
              ? requestAnimationFrame(() => resolve(performance.now() - started))
              : requestAnimationFrame(check);
            window.postMessage(window.__benchMessage, '*');
            requestAnimationFrame(check);
          })`),
        );
        await panel.snapshot(snapshotWith(nextVersion()));
      }

      // tokenUpdateMs / nodesReplacedPerToken: the run with its 20 KB proposals on screen and
      // one call in flight; each delta is dispatched synchronously (the panel folds it into its
      // view) and the frame's render is timed from the frame's start to a callback queued after
      // the panel's own. A MutationObserver counts nodes added or removed per delta.
      const tokenUpdate = await measureTokenUpdates(panel.page, runId, events, nextVersion());
      // diffMs: the panel's own renderDiff (jsdiff, Lit templates in diff2html's markup), for the
      // page, drawing two 5,000-line proposals into the DOM until layout is done: its first draw
      // (the first hunks, as the panel shows them) and the whole diff.
      const diffPage = await browser.context.newPage();
      await diffPage.addScriptTag({ content: await bundleRenderDiff() });
      for (const sheet of ['diff2html.min.css', 'panel.css']) {
        await diffPage.addStyleTag({ path: path.resolve(__dirname, '../../dist/webview', sheet) });
      }
      await diffPage.evaluate(`document.body.className = 'vscode-dark'`);
      await diffPage.evaluate(
        ([oldText, newText]) => {
          (window as unknown as { __diffTexts: string[] }).__diffTexts = [oldText!, newText!];
        },
        [left, right],
      );
      const variants = [
        {
          name: 'first draw (what the panel shows at once), side by side',
          layout: 'side-by-side',
          whole: false,
        },
        {
          name: 'the whole diff ("Show the whole diff"), side by side',
          layout: 'side-by-side',
          whole: true,
        },
        { name: 'the whole diff, line by line', layout: 'line-by-line', whole: true },
      ] as const;
      const diffPanelSamples: number[][] = variants.map(() => []);
      // One warm-up round (JIT, style caches), then five samples of each.
      for (let attempt = 0; attempt < variants.length * 6; attempt++) {
        const variant = variants[attempt % variants.length]!;
        const sample = await diffPage.evaluate<number>(`(() => {
            const [oldText, newText] = window.__diffTexts;
            document.body.replaceChildren();
            void document.body.offsetHeight; // the previous diff's teardown is not this one's cost
            const started = performance.now();
            const drawn = window.__renderDiff('proposal A', 'proposal B', oldText + '\\n// ${attempt}', newText,
              '${variant.layout}', ${variant.whole} ? Infinity : window.__firstDrawLines);
            const host = document.createElement('div');
            host.className = 'diff-body ${variant.layout}';
            host.appendChild(drawn.fragment);
            document.body.appendChild(host);
            void document.body.offsetHeight;
            return performance.now() - started;
          })()`);
        if (attempt >= variants.length) diffPanelSamples[attempt % variants.length]!.push(sample);
      }
      await diffPage.close();

      // A live run with one call in flight, then deltas with unique markers.
      const live = events
        .filter((event) => event.type === 'run-started' || event.type === 'phase-started')
        .slice(0, 2);
      const callStarted = events.find((event) => event.type === 'call-started')!;
      await panel.snapshot(
        snapshotWith(nextVersion(), {
          runId,
          events: [...live, callStarted],
          applyState: 'not-applicable',
        }),
      );
      // The page notes (epoch ms) when each marker first shows in the DOM.
      await panel.page.evaluate(`(() => {
        window.__seen = {};
        new MutationObserver(() => {
          const text = document.body.textContent;
          for (const marker of text.match(/mark[0-9]+x/g) ?? []) {
            window.__seen[marker] ??= performance.timeOrigin + performance.now();
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);
      const vendor = await startFakeVendorServer();
      const tokenSamples: number[] = [];
      const perVendor: Record<string, number[]> = {};
      try {
        for (let attempt = 0; attempt < 12; attempt++) {
          const kind = VENDORS[attempt % VENDORS.length]!;
          const marker = `mark${attempt}x`;
          let release = () => {};
          const held = new Promise<void>((resolve) => (release = resolve));
          vendor.script({
            vendor: kind,
            times: 1,
            reply: { text: `${marker} and the rest`, chunkSize: 8, holdAfterFirstChunk: held },
          });
          const model = createLanguageModel(connectionFor(vendor, kind), modelIdFor(kind));
          let posted: Promise<unknown> | undefined;
          const call = model.generate({
            system: '',
            messages: [{ role: 'user', content: 'stream' }],
            signal: new AbortController().signal,
            onTextDelta: (text) => {
              if (posted || callStarted.type !== 'call-started') return;
              const delta: RunEvent = {
                type: 'token-delta',
                runId,
                at: Date.now(),
                callId: callStarted.callId,
                participantId: callStarted.participantId,
                phase: callStarted.phase,
                round: callStarted.round,
                delta: ` ${text}`,
              };
              // The host's webview.postMessage; here the page is reached over CDP instead.
              posted = panel.page.evaluate(
                `window.postMessage(${JSON.stringify({ type: 'run-event', runId, event: delta })}, '*')`,
              );
            },
          });
          await waitFor(() => posted !== undefined);
          await posted;
          const seenAt = await waitForValue(() =>
            panel.page.evaluate<number | undefined>(`window.__seen[${JSON.stringify(marker)}]`),
          );
          release();
          await call;
          const sentAt = vendor.calls.at(-1)?.firstDeltaAt;
          if (sentAt === undefined) throw new Error('the fake vendor did not stream');
          tokenSamples.push(seenAt - sentAt);
          (perVendor[kind] ??= []).push(seenAt - sentAt);
        }
      } finally {
        await vendor.close();
      }
      const fields = {
        panelRenderMs: Math.round(median(renderSamples)),
        tokenUpdateMs: round2(tokenUpdate.medianMs),
        nodesReplacedPerToken: tokenUpdate.nodesPerDelta,
        firstTokenToPanelMs: round1(median(tokenSamples)),
        diffMs: Math.round(median(diffPanelSamples[0]!)),
      };
      return {
        rows: [
          {
            name: `open a finished ${rounds}-round, 3-participant run (20 KB proposals, ${events.length} events)`,
            values: { medianMs: fields.panelRenderMs },
          },
          {
            name: `one token delta with ${tokenUpdate.onScreenKb} KB of proposals on screen (${tokenUpdate.deltas} deltas)`,
            values: {
              medianMs: round2(tokenUpdate.medianMs),
              nodesAddedOrRemovedPerDelta: tokenUpdate.nodesPerDelta,
            } as Record<string, number>,
          },
          ...Object.entries(perVendor).map(([kind, samples]) => ({
            name: `first streamed byte (${kind} SDK) → text in the panel DOM`,
            values: { medianMs: round1(median(samples)) },
          })),
          ...variants.map((variant, index) => ({
            name: `two 5,000-line proposals, the panel's renderDiff into the DOM: ${variant.name}`,
            values: { medianMs: Math.round(median(diffPanelSamples[index]!)) },
          })),
          {
            name: 'the line diff alone (jsdiff structuredPatch) in Node, not drawn',
            values: { medianMs: Math.round(median(diffSamples)) },
          },
        ],
        fields,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

// Runnable alone: `npx tsx test/bench/panel.bench.ts` prints this module's rows and fields.
if (require.main === module) {
  void panelBench.run().then((outcome) => {
    for (const row of outcome.rows) console.log(`${row.name}: ${JSON.stringify(row.values)}`);
    console.log(JSON.stringify(outcome.fields));
  });
}
