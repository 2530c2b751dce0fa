/**
 * Large answers, proposal products and combined products stored once (src/app/stored-text.ts)
 * through the JSONL store: keys redacted on the whole text before it is cut, one chunk line per
 * distinct chunk, a lost chunk visible where it was, and inline records of older files unchanged.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonlTranscriptStore } from '../../src/app/jsonl-transcript-store';
import { chunkText } from '../../src/app/prompt-chunks';
import { STORE_AS_CHUNKS_FROM } from '../../src/app/stored-text';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import { forgetSecrets, rememberSecret } from '../../src/providers/common/redact-secrets';
import { tempFolder } from './support/council-fixture';

const KEY = 'sk-stored-text-canary-0123456789';

/** 40 K characters of distinct lines (count of them), with the key in the middle of the text. */
function product(header: string, tag = '', count = 1000): string {
  const lines = Array.from(
    { length: count },
    (_v, i) => `line ${i}: ${(i * 104729).toString(36)};`,
  );
  lines.splice(count / 2, 0, `const key = "${tag}${KEY}";`);
  return `${header}\n${lines.join('\n')}`;
}

/** A product in which a content-defined cut falls inside the key. */
function productCutInsideTheKey(): string {
  // The characters just before the key steer the rolling hash over it.
  for (let n = 0; n < 100_000; n += 1) {
    const text = product('// cut', n.toString(36).padStart(12, 'x'), 600);
    if (text.length < STORE_AS_CHUNKS_FROM) throw new Error('stored inline: make it longer');
    const at = text.indexOf(KEY);
    let offset = 0;
    for (const chunk of chunkText(text)) {
      offset += chunk.length;
      if (offset > at && offset < at + KEY.length) return text;
    }
  }
  throw new Error('no tag puts a cut inside the key');
}

function records(runId: string): TranscriptRecord[] {
  const text = product('// draft');
  return [
    {
      type: 'call-finished',
      runId,
      at: 1,
      seq: 0,
      callId: 'c1',
      participantId: 'fake:alpha',
      text: JSON.stringify({ product: text, rationale: 'r' }),
    } as TranscriptRecord,
    {
      type: 'proposal',
      runId,
      at: 2,
      seq: 1,
      proposal: { participantId: 'fake:alpha', phase: 'draft', product: text, rationale: 'r' },
    } as TranscriptRecord,
    {
      type: 'proposal',
      runId,
      at: 3,
      seq: 2,
      proposal: {
        participantId: 'fake:beta',
        phase: 'draft',
        product: product('// other draft'),
        rationale: 'r',
      },
    } as TranscriptRecord,
    { type: 'combined', runId, at: 4, seq: 3, product: text, agreement: 1 } as TranscriptRecord,
  ];
}

const redacted = (record: TranscriptRecord): unknown =>
  JSON.parse(JSON.stringify(record).replaceAll(KEY, '[redacted]'));

describe('answers and products stored once', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
    rememberSecret(KEY);
  });
  afterEach(() => {
    folder.remove();
    forgetSecrets();
  });

  it('writes each distinct chunk once, no key in any line, and reads every text back', async () => {
    const store = new JsonlTranscriptStore(folder.path);
    const written = records('r1');
    for (const record of written) await store.append('r1', record);
    const lines = readFileSync(join(folder.path, 'r1.jsonl'), 'utf8').trim().split('\n');
    assert.ok(!lines.some((line) => line.includes(KEY)), 'no key in the file');
    const parsed = lines.map((line) => JSON.parse(line) as { type: string; id?: string });
    const ids = parsed.filter((line) => line.type === 'text').map((line) => line.id);
    assert.equal(new Set(ids).size, ids.length, 'each chunk once');
    for (const line of lines.filter((l) => !l.startsWith('{"type":"text"')))
      assert.ok(line.length < STORE_AS_CHUNKS_FROM, `a record names its chunks: ${line.length}`);
    // Three copies of one product, one of another, one escaped in the answer: about three texts.
    const total = lines.reduce((sum, line) => sum + line.length, 0);
    const texts = JSON.stringify(written).length;
    assert.ok(total < texts * 0.7, `${total} bytes stored for ${texts} inline`);
    assert.deepEqual(
      (await store.read('r1')).map((record) => JSON.parse(JSON.stringify(record)) as unknown),
      written.map(redacted),
    );
  });

  it('a lost chunk reads as a visible marker where it was; the rest stays whole', async () => {
    const store = new JsonlTranscriptStore(folder.path);
    const written = records('r2');
    for (const record of written) await store.append('r2', record);
    const path = join(folder.path, 'r2.jsonl');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const lost = lines.findIndex((line) => line.startsWith('{"type":"text"'));
    writeFileSync(path, lines.filter((_l, index) => index !== lost).join('\n') + '\n');
    const read = await store.read('r2');
    assert.equal(read.length, written.length);
    const answer = read[0]!;
    assert.ok(answer.type === 'call-finished');
    assert.match(answer.text, /^\[part [\w-]+ of this text is missing from the transcript\]/);
    const other = read[2]!;
    assert.ok(other.type === 'proposal');
    assert.deepEqual(other, redacted(written[2]!), 'a product without the lost chunk is whole');
  });

  it('reads an older file whose answers and proposals are inline, unchanged', async () => {
    const inline = records('r3').map((record) => redacted(record) as TranscriptRecord);
    writeFileSync(
      join(folder.path, 'r3.jsonl'),
      inline.map((record) => JSON.stringify(record)).join('\n') + '\n',
    );
    const store = new JsonlTranscriptStore(folder.path);
    assert.deepEqual(await store.read('r3'), inline);
  });

  it('redacts a key on the whole text, so a cut inside it cannot let it through', async () => {
    const store = new JsonlTranscriptStore(folder.path);
    const text = productCutInsideTheKey();
    await store.append('r4', {
      type: 'combined',
      runId: 'r4',
      at: 1,
      seq: 0,
      product: text,
      agreement: 1,
    } as TranscriptRecord);
    const file = readFileSync(join(folder.path, 'r4.jsonl'), 'utf8');
    for (const half of [KEY.slice(0, 16), KEY.slice(16)])
      assert.ok(!file.includes(half), `no part of the key: ${half}`);
    const [read] = await store.read('r4');
    assert.ok(read?.type === 'combined');
    assert.equal(read.product, text.replace(KEY, '[redacted]'));
  });
});
