import { strict as assert } from 'node:assert';
import { exportFileName, exportRun } from '../../src/app/export-run';
import { forgetSecrets, rememberSecret } from '../../src/providers/common/redact-secrets';
import type { TranscriptRecord } from '../../src/core/transcript-record';

const records: TranscriptRecord[] = [
  {
    type: 'run-started',
    runId: 'r1',
    at: 1,
    seq: 0,
    protocol: 'consensus',
    participants: [{ id: 'openai:m', provider: 'openai', model: 'm', displayName: 'M' }],
    input: { task: 'Explain retries', outputKind: 'text' },
  },
  {
    type: 'run-failed',
    runId: 'r1',
    at: 2,
    seq: 1,
    error: { message: 'echoed sk-export-canary-777' },
  },
];

describe('run export', () => {
  afterEach(() => forgetSecrets());

  it('exports JSON with every record and Markdown with the task, never a known key', () => {
    rememberSecret('sk-export-canary-777');
    const json = exportRun('r1', records, 'json');
    const parsed = JSON.parse(json) as { runId: string; records: TranscriptRecord[] };
    assert.equal(parsed.runId, 'r1');
    assert.equal(parsed.records.length, 2);
    const markdown = exportRun('r1', records, 'markdown');
    assert.match(markdown, /Explain retries/);
    for (const text of [json, markdown]) assert.ok(!text.includes('sk-export-canary-777'));
    assert.equal(exportFileName('r1', 'markdown'), 'r1.md');
    assert.equal(exportFileName('r1', 'json'), 'r1.json');
  });
});
