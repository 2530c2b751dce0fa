/**
 * The consensus and the vote over the real engine and adapters against the schema-only
 * simulated council (test/fake-vendor/schema-only-council.ts), which knows nothing of our prompts,
 * and its adversarial variants (docs/PROTOCOL.md).
 */
import { strict as assert } from 'node:assert';
import { exportRun } from '../../src/app/export-run';
import { INPUT_MARKER } from '../../src/core/consensus-prompts';
import type { ConsensusInput, ConsensusResult } from '../../src/core/consensus-types';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import type { VoteResult } from '../../src/core/vote-types';
import type { RecordedRequest } from '../fake-vendor/fake-vendor-server';
import { SELF_IDENTIFICATION } from '../fake-vendor/schema-only-council';
import { memoryLogger } from './support/council-fixture';
import { useVendorSuite, vendorCouncil } from '../support/vendor-council';

const AGREEING = ['openai:gpt-blind', 'anthropic:claude-blind', 'google:gemini-blind'];
const IDENTITY = /claude|gpt|gemini|openai|anthropic|google/i;

/** Everything a request shows the model: system and messages, not the model field or schema. */
export function promptTextOf(request: RecordedRequest): string {
  const body = request.body as Record<string, unknown>;
  const parts = [body.system, body.instructions, body.input, body.messages, body.contents];
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  parts.forEach(walk);
  return strings.join('\n');
}

/** The engine's input documents in a request (first user message, then any repair turns). */
function documentsOf(request: RecordedRequest): Record<string, unknown>[] {
  const text = promptTextOf(request);
  const documents: Record<string, unknown>[] = [];
  let at = text.indexOf(INPUT_MARKER);
  while (at >= 0) {
    const start = at + INPUT_MARKER.length;
    const end = text.indexOf('\n}', start);
    documents.push(JSON.parse(text.slice(start, end + 2)) as Record<string, unknown>);
    at = text.indexOf(INPUT_MARKER, end);
  }
  return documents;
}

describe('the council against the schema-only simulated council (fake vendor server)', function () {
  this.timeout(60_000);
  const suite = useVendorSuite();

  function service(participants: string[]) {
    return vendorCouncil(suite.vendor, {
      participants,
      folder: suite.folder,
      logger: memoryLogger(),
    });
  }

  async function consensus(
    participants: string[],
    input: Partial<ConsensusInput> = {},
  ): Promise<{ result: ConsensusResult; records: TranscriptRecord[] }> {
    const council = service(participants);
    try {
      const { runId } = await council.startConsensus({
        input: {
          task: 'Explain the retry policy in two sentences',
          outputKind: 'text',
          seed: 7,
          ...input,
        },
        origin: 'cli',
      });
      const result = (await council.waitForResult(runId)) as ConsensusResult;
      return { result, records: await council.readTranscript(runId) };
    } finally {
      council.dispose();
    }
  }

  const reviewsOf = (records: TranscriptRecord[]) =>
    records.flatMap((record) => (record.type === 'review-done' ? [record.report] : []));

  for (const [name, input] of [
    ['a prose task', {}],
    [
      'a code selection',
      {
        task: 'Handle the empty array',
        outputKind: 'code',
        context: {
          selection: 'export const first = (a: number[]) => a[0];\n',
          filePath: 'src/a.ts',
          languageId: 'typescript',
        },
      },
    ],
  ] as const) {
    it(`three agreeing schema-only models converge on ${name}, with scores in every round`, async () => {
      const { result, records } = await consensus(AGREEING, input as Partial<ConsensusInput>);
      assert.ok(['unanimous', 'majority'].includes(result.status), result.status);
      assert.equal(result.converged, true);
      const reports = reviewsOf(records);
      const rounds = new Set(reports.map((report) => report.round));
      assert.ok(rounds.size >= 2, 'reviews of the drafts and of the merges');
      for (const report of reports) assert.equal(report.reviews.length, 2, 'both peers scored');
      for (const signals of result.signals) assert.equal(typeof signals.scoreSpread, 'number');
    });
  }

  it('a self-identifying draft never reaches another participant or the judge with its identity', async () => {
    const { result, records } = await consensus([
      'openai:gpt-blind-selfid',
      'anthropic:claude-blind',
      'google:gemini-blind',
    ]);
    assert.ok(result.status !== 'failed', result.error?.message);
    const drafts = records.filter(
      (record) => record.type === 'proposal' && record.proposal.phase === 'draft',
    );
    assert.ok(
      drafts.some(
        (record) =>
          record.type === 'proposal' && record.proposal.rationale.includes(SELF_IDENTIFICATION),
      ),
      'the transcript keeps the original',
    );
    assert.ok(records.some((record) => record.type === 'identity-masked'));
    const later = suite.vendor.calls.filter((call) => call.schemaName !== 'draft');
    assert.ok(later.length > 6);
    for (const call of later)
      assert.doesNotMatch(promptTextOf(call), IDENTITY, `${call.model} ${call.schemaName}`);

    const council = service([
      'openai:gpt-blind-selfid',
      'anthropic:claude-blind-selfid',
      'google:gemini-blind',
    ]);
    try {
      suite.vendor.reset();
      const { runId } = await council.startVote({
        input: { question: 'Which retry policy?', strategy: 'majority', seed: 3 },
        participants: ['openai:gpt-blind-selfid', 'anthropic:claude-blind-selfid'],
        origin: 'cli',
      });
      const vote = (await council.waitForResult(runId)) as VoteResult;
      assert.equal(vote.judge?.id, 'google:gemini-blind');
      const judgeCall = suite.vendor.calls.find((call) => call.schemaName === 'vote_clusters');
      assert.ok(judgeCall, 'the judge was called');
      assert.match(promptTextOf(judgeCall), /a peer/);
      assert.doesNotMatch(promptTextOf(judgeCall), IDENTITY);
    } finally {
      council.dispose();
    }
  });

  it('forged blocks and a forged score-10 review in every text field change nothing', async () => {
    const { result, records } = await consensus(
      ['openai:gpt-blind-inject', 'anthropic:claude-blind', 'google:gemini-blind'],
      { maxRounds: 2 },
    );
    assert.ok(result.status !== 'failed', result.error?.message);
    const labelMaps = records.flatMap((record) =>
      record.type === 'labels-assigned' ? [record] : [],
    );
    for (const call of suite.vendor.calls.filter(
      (c) => c.schemaName === 'review' || c.schemaName === 'merge',
    )) {
      const [document] = documentsOf(call);
      assert.ok(document, 'one input document');
      const proposals = document.proposals as { label: string }[];
      const round = labelMaps.at(-1)!;
      for (const { label } of proposals)
        assert.ok(label in round.labels, `${label} is a real label`);
      assert.equal(
        proposals.length,
        call.schemaName === 'review' ? 2 : 3,
        'exactly the real proposals',
      );
      if (call.schemaName === 'merge')
        for (const review of document.reviews as { score: number }[]) assert.equal(review.score, 6);
    }
    for (const report of reviewsOf(records)) {
      assert.equal(report.reviews.length, 2, 'no extra review counted');
      for (const review of report.reviews) assert.equal(review.score, 6, 'no forged score');
    }
  });

  it('uses reviews labelled "A" / "proposal b"; a review that omits one is re-asked naming it, and what stays missing is recorded', async () => {
    const { result, records } = await consensus(
      ['openai:gpt-blind-abbrev', 'anthropic:claude-blind-missing', 'google:gemini-blind'],
      { maxRounds: 2 },
    );
    assert.ok(result.status !== 'failed', result.error?.message);
    const reports = reviewsOf(records);
    for (const report of reports.filter((r) => r.reviewerId === 'openai:gpt-blind-abbrev'))
      assert.equal(report.reviews.length, 2, 'abbreviated labels are matched');
    const missing = reports.filter((r) => r.reviewerId === 'anthropic:claude-blind-missing');
    assert.ok(missing.length > 0);
    for (const report of missing) {
      assert.equal(report.reviews.length, 1);
      assert.equal(report.missingLabels?.length, 1);
      const repair = suite.vendor.calls.find(
        (call) =>
          call.model === 'claude-blind-missing' &&
          promptTextOf(call).includes(`reviews are missing for ${report.missingLabels![0]}.`),
      );
      assert.ok(repair, `the repair re-ask names ${report.missingLabels![0]}`);
    }
    // The export says what stayed missing, too.
    assert.match(
      exportRun(result.runId, records, 'markdown'),
      /- not reviewed, even after the repair re-ask: `Proposal [A-C]`/,
    );
  });

  it('with every review unusable the round says no-usable-reviews, its spread is unknown, and no deadlock is claimed', async () => {
    // The default round cap: before, the unchanging blind merges were claimed as a deadlock.
    const participants = [
      'openai:gpt-blind-wrong',
      'anthropic:claude-blind-wrong',
      'google:gemini-blind-wrong',
    ];
    const council = service(participants);
    try {
      const { runId } = await council.startConsensus({
        input: { task: 'Name a colour', outputKind: 'text', seed: 7 },
        origin: 'cli',
      });
      const result = (await council.waitForResult(runId)) as ConsensusResult;
      assert.equal(result.status, 'provisional');
      assert.equal(result.stopReason, 'no-usable-reviews');
      assert.equal(result.deadlockSignal, undefined);
      assert.equal(result.converged, false);
      assert.deepEqual(
        (result.notices ?? []).map((notice) => [notice.cause, notice.round]),
        [
          ['no-usable-reviews', 1],
          ['no-usable-reviews', 2],
        ],
      );
      assert.ok(result.signals.length > 0);
      for (const signals of result.signals) {
        assert.equal(signals.scoreSpread, null);
        assert.equal(signals.cause, 'no-usable-reviews');
      }
      const status = await council.getStatus(runId);
      assert.match(status?.message ?? '', /No usable review arrived in rounds 1, 2/);
      assert.match(status?.message ?? '', /not a deadlock/);
      const records = await council.readTranscript(runId);
      assert.ok(!records.some((record) => record.type === 'deadlock'));
      const markdown = exportRun(runId, records, 'markdown');
      assert.match(markdown, /Status: \*\*`provisional`\*\* \(`no-usable-reviews`\)/);
      assert.match(markdown, /No usable review arrived in rounds 1, 2, so the council could not/);
      assert.match(markdown, /> Notice, round 2 \(`no-usable-reviews`\)/);
      assert.match(markdown, /\| `scoreSpread` \| `unknown` \|/);
      assert.doesNotMatch(markdown, /NaN|Deadlock in round/);
    } finally {
      council.dispose();
    }
  });

  it('very long outputs and a self-praising member still end in a result', async () => {
    const { result } = await consensus(
      ['openai:gpt-blind-long', 'anthropic:claude-blind-praise', 'google:gemini-blind'],
      { maxRounds: 2 },
    );
    assert.ok(result.status !== 'failed', result.error?.message);
    assert.ok(result.product !== undefined);
  });

  it('a vote of schema-only voters with a schema-only judge is reached, the judge naming labels', async () => {
    const council = service([...AGREEING]);
    try {
      const { runId } = await council.startVote({
        input: { question: 'Is retrying idempotent calls safe?', strategy: 'majority', seed: 5 },
        participants: ['openai:gpt-blind', 'anthropic:claude-blind'],
        origin: 'cli',
      });
      const vote = (await council.waitForResult(runId)) as VoteResult;
      assert.equal(vote.reached, true);
      assert.equal(vote.clusteredBy, 'model');
      const judgeCall = suite.vendor.calls.find((call) => call.schemaName === 'vote_clusters');
      const [document] = documentsOf(judgeCall!);
      assert.deepEqual(
        (document!.answers as { label: string }[]).map((answer) => answer.label).sort(),
        ['Answer A', 'Answer B'],
      );
    } finally {
      council.dispose();
    }
  });
});
