/**
 * A round without usable reviews is told in the progress notification and in the end
 * notification, in English and in Japanese, from the notice's cause and round only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeVscode, installFakeVscode, state } from './support/fake-vscode';
import { FakeCouncil } from './support/fake-council';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type * as FollowModule from '../../src/extension/run/follow-run-with-progress';

installFakeVscode();
/* eslint-disable @typescript-eslint/no-require-imports -- after the fake vscode is installed */
const { followRunWithProgress } =
  require('../../src/extension/run/follow-run-with-progress') as typeof FollowModule;
/* eslint-enable @typescript-eslint/no-require-imports */

const JA = JSON.parse(
  readFileSync(join(__dirname, '../../l10n/bundle.l10n.ja.json'), 'utf8'),
) as Record<string, string>;
const OUTSIDE = 'message read back from a file [x](command:evil)';

function services(council: FakeCouncil, listeners: ((event: RunEvent) => void)[]) {
  const log = { info() {}, warn() {}, error() {}, show() {} };
  const runs = {
    onEvent: (listener: (event: RunEvent) => void) => {
      listeners.push(listener);
      return { dispose() {} };
    },
    targetOf: () => undefined,
  };
  return { council: council.asService(), log, runs } as never;
}

async function follow(): Promise<void> {
  const notice = { cause: 'no-usable-reviews' as const, round: 1, message: OUTSIDE, hint: OUTSIDE };
  const result = {
    runId: 'run-n',
    status: 'provisional',
    stopReason: 'round-cap',
    product: 'p',
    outputKind: 'text',
    roundsCompleted: 1,
    converged: false,
    notices: [notice, { ...notice, round: 2 }],
    ratifications: [],
    minorityReport: [],
    abstentions: [],
    participants: [],
    singleVendor: false,
    signals: [],
  } as unknown as ConsensusResult;
  const fake = new FakeCouncil();
  fake.results.set('run-n', result);
  const listeners: ((event: RunEvent) => void)[] = [];
  const following = followRunWithProgress(services(fake, listeners), 'run-n', 'Council');
  await new Promise((resolve) => setImmediate(resolve));
  for (const listener of listeners) listener({ type: 'notice', runId: 'run-n', at: 1, notice });
  fake.settle('run-n');
  await following;
}

describe('run notices in editor chrome (English and Japanese)', () => {
  const english = fakeVscode.l10n.t;
  beforeEach(() => {
    state.chrome.length = 0;
  });
  afterEach(() => {
    fakeVscode.l10n.t = english;
  });

  it('English: the progress says the round has no scores; the end notification what to do', async () => {
    await follow();
    const progress = state.chrome.find((record) => record.kind === 'progress')!;
    assert.ok(
      progress.texts.includes('Round 1: no usable review arrived, so this round has no scores.'),
      progress.texts.join(' | '),
    );
    const done = state.chrome.find((record) => record.kind === 'information')!;
    assert.match(done.texts[0]!, /^The council finished: provisional after 1 round\(s\)\. /);
    assert.match(done.texts[0]!, /Round\(s\) 1, 2 had no usable review/);
    assert.match(done.texts[0]!, /structured output \(JSON schema\), or try other models/);
    for (const record of state.chrome)
      for (const text of record.texts) assert.ok(!text.includes('command:'), text);
  });

  it('Japanese: the same places show the translated wording', async () => {
    fakeVscode.l10n.t = (key: string, ...args: unknown[]) =>
      (JA[key] ?? `MISSING ${key}`).replace(/\{(\d+)\}/g, (_m, i: string) =>
        String(args[Number(i)]),
      );
    await follow();
    const progress = state.chrome.find((record) => record.kind === 'progress')!;
    assert.ok(
      progress.texts.some((text) => text.startsWith('ラウンド 1: 使えるレビューが')),
      progress.texts.join(' | '),
    );
    const done = state.chrome.find((record) => record.kind === 'information')!;
    assert.match(done.texts[0]!, /ラウンド 1, 2 では使えるレビューが 1 件もなかった/);
    assert.ok(!done.texts.join('').includes('MISSING'), done.texts.join(''));
  });
});
