import { strict as assert } from 'node:assert';
import { isValidRunId, newRunId } from '../../src/core/run-id';

describe('run id', () => {
  it('names a run by the injected clock, in UTC to the second, then a random suffix', () => {
    const clock = { now: () => Date.UTC(2026, 11, 1, 21, 5, 9, 450) };
    assert.equal(
      newRunId(clock, () => '1a2b3c4d'),
      'run-20261201T210509Z-1a2b3c4d',
    );
  });

  it('gives two runs started in the same second different ids that sort by start time', () => {
    const at = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };
    const later = { now: () => Date.UTC(2026, 0, 2, 3, 4, 6) };
    const first = newRunId(at);
    const second = newRunId(at);
    assert.notEqual(first, second);
    assert.match(first, /^run-20260102T030405Z-[0-9a-f]{8}$/);
    assert.ok(newRunId(later) > first);
  });

  it('accepts its own ids and plain file names; refuses separators, dot-dot and empty', () => {
    assert.ok(isValidRunId(newRunId()));
    assert.ok(isValidRunId('my-run_1.2'));
    for (const bad of ['', '../x', 'a/b', 'a\\b', 'a..b', '.hidden', 'x'.repeat(129)]) {
      assert.equal(isValidRunId(bad), false, bad);
    }
  });
});
