/**
 * Acceptance 2: vendor × fault through the real SDKs, printed as a table. Waits are kept short
 * through the options (backoff 5 ms, cap 50 ms, idle timeout 200 ms); the Retry-After of the
 * 429 rows asks for 1 s, so a wait of exactly the 50 ms cap proves the header was read (the
 * backoff alone would wait ~5 ms).
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  startFakeVendorServer,
  type Fault,
  type FakeVendorServer,
  type Vendor,
} from '../fake-vendor/fake-vendor-server';
import { createLanguageModel } from '../../src/providers/create-language-model';
import { ModelError } from '../../src/core/model-error';
import {
  connectionFor,
  modelIdFor,
  REVIEW_JSON_SCHEMA,
  REVIEW_PROMPT,
  VENDORS,
} from './support/vendor-connections';

type Expected =
  | { outcome: 'retried-then-ok'; waitMs?: number }
  | { outcome: 'error'; kind: ModelError['kind']; attempts: number; mentions: RegExp[] }
  | { outcome: 'bad-output' };

interface Row {
  fault: Fault;
  label: string;
  expected: Expected;
  options?: { maxRetries?: number };
}

const ROWS: Row[] = [
  {
    fault: 'rate-limited',
    label: '429 + Retry-After: 1',
    expected: { outcome: 'retried-then-ok', waitMs: 50 },
  },
  { fault: 'server-error', label: '500', expected: { outcome: 'retried-then-ok' } },
  { fault: 'unavailable', label: '503', expected: { outcome: 'retried-then-ok' } },
  {
    fault: 'overloaded',
    label: 'overloaded (529 / 503)',
    expected: { outcome: 'retried-then-ok' },
  },
  {
    fault: 'overloaded-mid-stream',
    label: 'overloaded mid-stream',
    expected: { outcome: 'retried-then-ok' },
  },
  { fault: 'truncated', label: 'truncated stream', expected: { outcome: 'retried-then-ok' } },
  {
    fault: 'silent-after-headers',
    label: 'silent after headers',
    expected: { outcome: 'error', kind: 'timeout', attempts: 1, mentions: [/no data/i] },
    options: { maxRetries: 0 },
  },
  {
    fault: 'silent-after-headers',
    label: 'silent, then recovers',
    expected: { outcome: 'retried-then-ok' },
  },
  {
    fault: 'malformed-json',
    label: 'malformed structured JSON',
    expected: { outcome: 'bad-output' },
  },
  {
    fault: 'unauthorized',
    label: '401 bad key',
    expected: { outcome: 'error', kind: 'auth', attempts: 1, mentions: [/Set API Key/] },
  },
  {
    fault: 'insufficient-quota',
    label: 'insufficient quota',
    expected: { outcome: 'error', kind: 'quota', attempts: 1, mentions: [/quota|credit/i] },
  },
  {
    fault: 'model-not-found',
    label: 'unknown model 404',
    expected: {
      outcome: 'error',
      kind: 'model-not-found',
      attempts: 1,
      mentions: [/does not know the model/],
    },
  },
];

const KEY_NAMES: Record<Vendor, RegExp> = {
  openai: /OPENAI_API_KEY/,
  'openai-compatible': /Set API Key…' for Ollama/,
  anthropic: /ANTHROPIC_API_KEY/,
  google: /GEMINI_API_KEY/,
};

const reviewSchema = z.object({
  reviews: z.array(z.object({ label: z.string() })),
  improvementRoom: z.string(),
});

interface TableLine {
  vendor: string;
  fault: string;
  expected: string;
  outcome: string;
  attempts: number;
  waits: string;
  hint: string;
}

describe('fault matrix (vendor × fault)', function () {
  this.timeout(10_000);
  let server: FakeVendorServer;
  const table: TableLine[] = [];

  before(async () => {
    server = await startFakeVendorServer();
  });
  after(async () => {
    await server.close();
    // One row per fault, one column per vendor: what a user of each adapter would see.
    const pivot: Record<string, Record<string, string>> = {};
    for (const line of table) {
      const cell =
        line.outcome === 'ok'
          ? `ok, ${line.attempts} calls${line.waits === '' ? '' : ` (wait ${line.waits})`}`
          : `${line.outcome.replace('ModelError ', '')}, ${line.attempts} call${line.attempts === 1 ? '' : 's'}`;
      pivot[`${line.fault} [expect: ${line.expected}]`] = {
        ...pivot[`${line.fault} [expect: ${line.expected}]`],
        [line.vendor]: cell,
      };
    }
    console.log(
      '\n  Fault matrix (vendor × fault) through the real SDKs against the fake vendor server:',
    );
    console.table(pivot);
  });
  beforeEach(() => server.reset());

  for (const row of ROWS) {
    for (const vendor of VENDORS) {
      it(`${vendor}: ${row.label} -> ${describeExpected(row.expected)}`, async () => {
        server.script({ vendor, times: 1, reply: { fault: row.fault, retryAfter: '1' } });
        const waits: number[] = [];
        const model = createLanguageModel(connectionFor(server, vendor), modelIdFor(vendor), {
          idleTimeoutMs: 200,
          retryBaseDelayMs: 5,
          retryCapMs: 50,
          maxRetries: row.options?.maxRetries ?? 3,
          onRetry: ({ delayMs }) => waits.push(delayMs),
        });
        const line: TableLine = {
          vendor,
          fault: row.label,
          expected: describeExpected(row.expected),
          outcome: '',
          attempts: 0,
          waits: '',
          hint: '',
        };
        table.push(line);
        let result: Awaited<ReturnType<typeof model.generate>> | undefined;
        let failure: ModelError | undefined;
        try {
          result = await model.generate({
            system: 'You review proposals.',
            messages: [{ role: 'user', content: REVIEW_PROMPT }],
            jsonSchema: REVIEW_JSON_SCHEMA,
            signal: new AbortController().signal,
          });
        } catch (error) {
          assert.ok(error instanceof ModelError, `not a ModelError: ${String(error)}`);
          failure = error;
        }
        line.attempts = server.calls.length;
        line.waits = waits.map((ms) => `${ms}ms`).join(' ');
        line.outcome = failure === undefined ? 'ok' : `ModelError ${failure.kind}`;
        line.hint = (failure?.hint ?? '').slice(0, 48);

        const expected = row.expected;
        if (expected.outcome === 'retried-then-ok') {
          assert.equal(failure, undefined, failure?.message);
          assert.ok(result);
          reviewSchema.parse(JSON.parse(result.text));
          assert.equal(server.calls.length, 2, 'one failed attempt, one retry');
          if (expected.waitMs !== undefined) assert.deepEqual(waits, [expected.waitMs]);
        } else if (expected.outcome === 'bad-output') {
          assert.equal(failure, undefined);
          assert.ok(result);
          // The adapter hands the text over untouched; the engine's zod check rejects it and
          // re-asks (its repair path), so the row's outcome is "bad-output".
          assert.throws(() => reviewSchema.parse(JSON.parse(result.text)));
          line.outcome = 'text fails zod -> bad-output';
        } else {
          assert.ok(failure, 'expected a ModelError');
          assert.equal(failure.kind, expected.kind);
          assert.equal(server.calls.length, expected.attempts, 'no retry');
          for (const pattern of expected.mentions)
            assert.match(`${failure.message} ${failure.hint ?? ''}`, pattern);
          if (expected.kind === 'auth') assert.match(failure.message, KEY_NAMES[vendor]);
          if (expected.kind === 'model-not-found') {
            assert.match(failure.hint ?? '', /multiLlm\.participants/);
            assert.match(failure.hint ?? '', /Multi-LLM: Refresh Models/);
          }
        }
      });
    }
  }
});

function describeExpected(expected: Expected): string {
  if (expected.outcome === 'retried-then-ok') return 'retried, then ok';
  if (expected.outcome === 'bad-output') return 'bad-output (zod)';
  return `${expected.kind}, ${expected.attempts === 1 ? 'no retry' : `${expected.attempts} attempts`}`;
}
