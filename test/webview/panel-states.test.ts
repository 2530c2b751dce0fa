/**
 * States that cannot mislead, in Chromium: a cancelled or failed run offers no Apply (only its
 * unreviewed draft, labelled so, and no "No dissent"); a deadlocked result is applicable with a
 * visible warning; a converged run shows its round cap as neutral text, never a red "no".
 */
import assert from 'node:assert/strict';
import type { ConsensusResult } from '../../src/core/consensus-types';
import type { RunEvent } from '../../src/core/run-events';
import type { PanelPage } from './panel-harness';
import { testId, usePanelBrowser } from '../support/panel-suite';
import { buildFailedRun, buildRecordedRun, RUN_ID } from './fixtures/recorded-run';
import { snapshotWith, withUnscoredRounds } from './fixtures/panel-snapshots';

function withStatus(
  status: ConsensusResult['status'],
  stopReason?: ConsensusResult['stopReason'],
): RunEvent[] {
  return buildRecordedRun().events.map((event) =>
    event.type === 'run-finished' && 'product' in event.result
      ? {
          ...event,
          result: {
            ...event.result,
            status,
            converged: status === 'majority',
            stopReason:
              stopReason ?? (status === 'cancelled' ? 'cancelled' : event.result.stopReason),
          } as ConsensusResult,
        }
      : event,
  );
}

describe('panel states that cannot mislead (Chromium)', function () {
  this.timeout(120_000);
  const chromium = usePanelBrowser();
  let panel: PanelPage;

  beforeEach(async () => {
    panel = await chromium.open();
  });
  afterEach(async () => {
    assert.deepEqual(panel.consoleErrors, []);
    await panel.page.close();
  });

  it('a cancelled run offers its draft as unreviewed, never Apply or "No dissent"', async () => {
    await panel.snapshot(snapshotWith(1, { events: withStatus('cancelled') }));
    assert.equal(
      (await panel.page.locator(testId('final-status')).textContent())?.trim(),
      'cancelled',
    );
    assert.equal(await panel.page.locator(testId('apply-button')).count(), 0);
    assert.equal(await panel.page.locator(testId('minority-report')).count(), 0);
    assert.match(
      (await panel.page.locator(testId('unreviewed-draft')).textContent()) ?? '',
      /unreviewed and cannot be applied/,
    );
    await panel.page.locator(testId('open-draft-button')).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'open-draft', runId: RUN_ID });
  });

  it('a failed run shows no Apply', async () => {
    await panel.snapshot(
      snapshotWith(1, { events: buildFailedRun(), runId: 'run-2026-11-23-failed' }),
    );
    assert.equal(await panel.page.locator(testId('apply-button')).count(), 0);
    assert.equal(await panel.page.locator(testId('minority-report')).count(), 0);
  });

  it('a deadlocked result can be applied, under a visible warning', async () => {
    await panel.snapshot(snapshotWith(1, { events: withStatus('deadlock') }));
    assert.equal(await panel.page.locator(testId('apply-button')).count(), 1);
    assert.match(
      (await panel.page.locator(testId('agreement-warning')).textContent()) ?? '',
      /Deadlock: .*Review before applying/,
    );
  });

  it('a run stopped for lack of usable reviews warns that its product is unscored, not a deadlock', async () => {
    await panel.snapshot(
      snapshotWith(1, {
        events: withUnscoredRounds(withStatus('provisional', 'no-usable-reviews')),
      }),
    );
    const warning = (await panel.page.locator(testId('agreement-warning')).textContent()) ?? '';
    assert.match(
      warning,
      /unscored: no usable review arrived .* Not a deadlock and not an agreement/,
    );
    assert.doesNotMatch(warning, /ran out of rounds/);
    // The at-a-glance row names the cause of each unscored round, not "spread unknown".
    const decisive = await panel.page.locator(testId('decisive-signal')).allTextContents();
    assert.deepEqual(
      decisive.map((text) => text.trim()),
      ['no usable reviews', 'no usable reviews'],
    );
  });

  it('a converged run shows the round cap as neutral text, not as a failed condition', async () => {
    await panel.snapshot(snapshotWith(1, { events: withStatus('majority') }));
    const cap = panel.page.locator(testId('round-cap'));
    assert.match((await cap.textContent()) ?? '', /Converged in round 2 \(cap 4 rounds\)/);
    assert.equal(await cap.evaluate((e) => e.classList.contains('warning')), false);
    assert.doesNotMatch(
      (await panel.page.locator(testId('signals')).textContent()) ?? '',
      /Round cap/,
    );
    // Every failed-condition mark in a converged run would be a contradiction.
    assert.equal(await panel.page.locator(`${testId('signals')} .fails`).count(), 0);
  });
});
