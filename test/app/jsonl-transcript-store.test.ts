import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import { rememberSecret } from '../../src/providers/common/redact-secrets';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { RunHost } from '../../src/core/run-events';
import { useTempFolder } from './support/council-fixture';

function started(runId: string, at: number, host?: RunHost): TranscriptRecord {
  return {
    type: 'run-started',
    runId,
    at,
    seq: 0,
    protocol: 'consensus',
    participants: [],
    input: { task: `task of ${runId}`, outputKind: 'text' },
    ...(host ? { host } : {}),
  };
}

describe('JSONL transcript store', () => {
  const folder = useTempFolder();

  it('appends one line per record, in order, and reads them back', async () => {
    const store = new JsonlTranscriptStore(join(folder.path, 'nested', 'runs'));
    const appends = [];
    for (let seq = 0; seq < 20; seq += 1) {
      appends.push(
        store.append('r1', {
          type: 'phase-started',
          runId: 'r1',
          at: seq,
          seq,
          phase: 'draft',
          round: 1,
        }),
      );
    }
    await Promise.all(appends);
    const records = await store.read('r1');
    assert.deepEqual(
      records.map((r) => r.seq),
      [...Array(20).keys()],
    );
    const file = join(folder.path, 'nested', 'runs', 'r1.jsonl');
    assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 20);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('skips a torn last line and unknown lines instead of failing', async () => {
    const store = new JsonlTranscriptStore(folder.path);
    await store.append('r2', started('r2', 1));
    appendFileSync(join(folder.path, 'r2.jsonl'), 'not json\n{"type":"call-fini');
    const records = await store.read('r2');
    assert.deepEqual(
      records.map((r) => r.type),
      ['run-started'],
    );
  });

  it('lists runs newest first; an unfinished run of a dead writer is interrupted', async () => {
    const store = new JsonlTranscriptStore(folder.path, () => false);
    await store.append('old', started('old', 1));
    await store.append('new', started('new', 5, { origin: 'mcp', pid: 2 ** 30, instance: 'gone' }));
    const runs = await store.list();
    assert.deepEqual(
      runs.map((r) => r.runId),
      ['new', 'old'],
    );
    assert.equal(runs[0]?.state, 'interrupted');
    assert.equal(runs[0]?.origin, 'mcp');
    assert.equal(runs[0]?.title, 'task of new');
  });

  it('returns nothing for unknown or unsafe run ids and refuses to write them', async () => {
    const store = new JsonlTranscriptStore(folder.path);
    assert.deepEqual(await store.read('nope'), []);
    assert.deepEqual(await store.read('../etc/passwd'), []);
    assert.deepEqual(await store.list(), []);
    await assert.rejects(store.append('../escape', started('x', 1)), /Invalid run id/);
  });

  it('never writes a remembered key', async () => {
    const key = 'sk-store-canary-99999999';
    rememberSecret(key);
    const store = new JsonlTranscriptStore(folder.path);
    await store.append('r3', {
      type: 'run-failed',
      runId: 'r3',
      at: 1,
      seq: 0,
      error: { message: `401: invalid key ${key}` },
    });
    const text = readFileSync(join(folder.path, 'r3.jsonl'), 'utf8');
    assert.ok(!text.includes(key));
    assert.match(text, /invalid key \[redacted\]/);
  });
});
