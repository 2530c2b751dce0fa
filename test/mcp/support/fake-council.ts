/**
 * An in-process CouncilService for the MCP tests that do not need real models: runs advance
 * through draft → review → merge → round-scored → finished on timers, emitting real RunEvents.
 * `hold` keeps runs waiting in round 1 until released (for status / cancel tests).
 */
import type { ConsensusResult, RoundSignals } from '../../../src/core/consensus-types';
import type { RunEvent, RunEventListener } from '../../../src/core/run-events';
import type { TranscriptRecord } from '../../../src/core/transcript-record';
import type { ParticipantInfo } from '../../../src/core/participant';
import type { VoteResult } from '../../../src/core/vote-types';
import type { IterationInput, IterationResult } from '../../../src/core/engine-api-types';
import type {
  CouncilService,
  ParticipantStatus,
  RunResult,
  StartConsensusRequest,
  StartVoteRequest,
  TaskStatus,
  TranscriptPageRequest,
} from '../../../src/shared/council-service';
import { pageTranscript } from '../../../src/app/page-transcript';

const KNOWN_PROVIDERS = new Set(['openai', 'anthropic', 'google']);

interface FakeRun {
  status: TaskStatus;
  request: StartConsensusRequest;
  result?: RunResult;
  transcript: TranscriptRecord[];
  listeners: Set<RunEventListener>;
  waiters: ((result: RunResult) => void)[];
  timer?: ReturnType<typeof setTimeout>;
}

export const FAKE_PARTICIPANTS: ParticipantInfo[] = [
  { id: 'openai:gpt-test', provider: 'openai', model: 'gpt-test', displayName: 'GPT Test' },
  {
    id: 'anthropic:claude-test',
    provider: 'anthropic',
    model: 'claude-test',
    displayName: 'Claude Test',
    persona: { id: 'sec', name: 'Security reviewer', expertise: ['security', 'typescript'] },
  },
];

export class FakeCouncil implements CouncilService {
  readonly runs = new Map<string, FakeRun>();
  readonly calls: string[] = [];
  hold = false;
  private counter = 0;
  private readonly all = new Set<RunEventListener>();

  async listParticipants(): Promise<ParticipantStatus[]> {
    this.calls.push('listParticipants');
    return FAKE_PARTICIPANTS.map((p) => ({ ...p, available: true, keyPresent: true }));
  }

  async findParticipantsForTask(_task: string, skills: string[]) {
    return FAKE_PARTICIPANTS.map((participant) => {
      const matched = skills.filter((s) => participant.persona?.expertise.includes(s));
      return {
        participant,
        score: matched.length / Math.max(1, skills.length),
        matchedSkills: matched,
        recommendation: 'ok',
      };
    }).sort((a, b) => b.score - a.score);
  }

  async estimate() {
    return { minCalls: 1, maxCalls: 2, unpricedCalls: 0 };
  }

  async startConsensus(request: StartConsensusRequest): Promise<{ runId: string }> {
    this.calls.push(`startConsensus:${request.origin}`);
    for (const spec of request.participants ?? []) {
      const provider = spec.split(':')[0] ?? '';
      if (!KNOWN_PROVIDERS.has(provider)) {
        throw Object.assign(new Error(`Unknown provider "${provider}" in participant "${spec}".`), {
          hint: 'Use openai, anthropic, google or a configured OpenAI-compatible endpoint id.',
        });
      }
    }
    const runId = `run-${++this.counter}`;
    const now = Date.now();
    const run: FakeRun = {
      request,
      transcript: [],
      listeners: new Set(),
      waiters: [],
      status: {
        taskId: runId,
        protocol: 'consensus',
        state: 'in_progress',
        phase: 'draft',
        round: 1,
        maxRounds: 4,
        progress: 0,
        message: 'drafting',
        startedAt: now,
        updatedAt: now,
      },
    };
    this.runs.set(runId, run);
    this.emit(run, {
      type: 'run-started',
      runId,
      at: now,
      protocol: 'consensus',
      participants: FAKE_PARTICIPANTS,
      input: request.input,
    });
    this.step(runId, 0);
    return { runId };
  }

  async startVote(request: StartVoteRequest): Promise<{ runId: string }> {
    this.calls.push(`startVote:${request.origin}`);
    const runId = `vote-${++this.counter}`;
    const now = Date.now();
    const run: FakeRun = {
      request: {
        input: { task: request.input.question, outputKind: 'text' },
        origin: request.origin,
      },
      transcript: [],
      listeners: new Set(),
      waiters: [],
      status: {
        taskId: runId,
        protocol: 'vote',
        state: 'in_progress',
        phase: 'vote',
        round: 1,
        progress: 0,
        message: 'voting',
        startedAt: now,
        updatedAt: now,
      },
    };
    this.runs.set(runId, run);
    run.timer = setTimeout(() => {
      this.emit(run, { type: 'phase-started', runId, at: Date.now(), phase: 'vote', round: 1 });
      const result: VoteResult = {
        runId,
        reached: true,
        strategy: request.input.strategy,
        winningAnswer: 'Yes',
        confidence: 2 / 3,
        agreeing: ['openai:gpt-test', 'anthropic:claude-test'],
        responding: 3,
        clusters: [
          { answer: 'Yes', participantIds: ['openai:gpt-test', 'anthropic:claude-test'] },
          { answer: 'No', participantIds: ['google:gemini-test'] },
        ],
        dissent: [{ participantId: 'google:gemini-test', answer: 'No' }],
        answers: [],
        failed: [],
        clusteredBy: 'local-similarity',
        judgeFallbackReason: 'no judge configured',
        participants: FAKE_PARTICIPANTS,
        cost: {
          usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 },
          costUsd: 0,
          unpricedCalls: 3,
          calls: 3,
        },
        startedAt: now,
        finishedAt: Date.now(),
      };
      run.result = result;
      run.status = { ...run.status, state: 'completed', progress: 1, updatedAt: Date.now() };
      this.emit(run, { type: 'run-finished', runId, at: Date.now(), protocol: 'vote', result });
      for (const resolve of run.waiters.splice(0)) resolve(result);
    }, 5);
    return { runId };
  }

  async runIteration(input: IterationInput, participants?: string[]): Promise<IterationResult> {
    this.calls.push(`runIteration:${(participants ?? []).join(',')}`);
    return {
      runId: 'iter-1',
      round: input.round ?? 1,
      reviews: [
        {
          reviewerId: 'openai:gpt-test',
          authorId: input.proposals[0]!.authorId,
          label: 'Proposal A',
          round: 1,
          score: 8,
          critique: ['tighten'],
          suggestions: [],
          agreementOutlook: 'close',
          majorIssues: 0,
        },
      ],
      improvementRoom: { 'openai:gpt-test': 'minor' },
      merged: FAKE_PARTICIPANTS.map((p) => ({
        participantId: p.id,
        round: 1,
        phase: 'merge' as const,
        product: `merged ${input.proposals.length}`,
        rationale: 'r',
      })),
      signals: { ...SIGNALS, converged: false },
      abstentions: [],
      participants: FAKE_PARTICIPANTS,
      cost: {
        usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 },
        costUsd: 0.01,
        unpricedCalls: 0,
        calls: 4,
      },
    };
  }

  async getStatus(runId: string) {
    return this.runs.get(runId)?.status;
  }

  waitForResult(runId: string, signal?: AbortSignal): Promise<RunResult> {
    const run = this.runs.get(runId);
    if (!run) return Promise.reject(new Error(`unknown run ${runId}`));
    if (run.result) return Promise.resolve(run.result);
    return new Promise((resolve, reject) => {
      run.waiters.push(resolve);
      signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  }

  async getResult(runId: string) {
    return this.runs.get(runId)?.result;
  }

  async cancel(runId: string) {
    const run = this.runs.get(runId);
    if (!run || run.result) return false;
    clearTimeout(run.timer);
    this.finish(run, 'cancelled');
    return true;
  }

  async finishEarly(runId: string) {
    return this.cancel(runId);
  }

  subscribe(runId: string, listener: RunEventListener) {
    const run = this.runs.get(runId);
    run?.listeners.add(listener);
    return () => run?.listeners.delete(listener);
  }

  watchAllRuns(listener: RunEventListener) {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  async listRuns() {
    return [...this.runs.entries()].map(([runId, run]) => ({
      runId,
      protocol: 'consensus' as const,
      title: run.request.input.task.slice(0, 200),
      state: run.status.state,
      origin: run.request.origin,
      participants: FAKE_PARTICIPANTS,
      startedAt: run.status.startedAt,
    }));
  }

  async readTranscript(runId: string) {
    return this.runs.get(runId)?.transcript ?? [];
  }

  async readTranscriptPage(runId: string, page: TranscriptPageRequest) {
    return pageTranscript(await this.readTranscript(runId), page);
  }

  /** Emits an event of a run as the engine would (listeners, and the transcript unless a delta). */
  emitFor(runId: string, event: RunEvent): void {
    const run = this.runs.get(runId);
    if (run) this.emit(run, event);
  }

  /** Fills a run's transcript with `count` finished calls of `chars` characters each. */
  fillTranscript(runId: string, count: number, chars: number): void {
    const run = this.runs.get(runId);
    if (!run) return;
    for (let i = 0; i < count; i++) {
      run.transcript.push({
        type: 'call-finished',
        runId,
        at: Date.now(),
        callId: `call-${i}`,
        participantId: 'openai:gpt-test',
        phase: 'draft',
        round: 1,
        text: `${i}:${'é'.repeat(chars / 2)}${'x'.repeat(chars / 2)}`,
        usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 },
        latencyMs: 1,
        seq: run.transcript.length,
      });
    }
  }

  release(): void {
    this.hold = false;
    for (const [runId, run] of this.runs) if (!run.result && !run.timer) this.step(runId, 2);
  }

  private step(runId: string, index: number): void {
    const run = this.runs.get(runId);
    if (!run || run.result) return;
    run.timer = undefined;
    const phases = ['draft', 'review', 'merge'] as const;
    if (index < phases.length) {
      const phase = phases[index]!;
      run.status = { ...run.status, phase, progress: index / 4, updatedAt: Date.now() };
      this.emit(run, { type: 'phase-started', runId, at: Date.now(), phase, round: 1 });
      if (this.hold && index === 0) return this.step(runId, 1); // straight to review
      if (this.hold && index === 1) return; // waits for release()
      run.timer = setTimeout(() => this.step(runId, index + 1), 5);
      return;
    }
    this.emit(run, { type: 'round-scored', runId, at: Date.now(), signals: SIGNALS });
    this.finish(run, 'unanimous');
  }

  private finish(run: FakeRun, status: 'unanimous' | 'cancelled'): void {
    const runId = run.status.taskId;
    const task = run.request.input.task;
    const result: ConsensusResult = {
      runId,
      status,
      stopReason: status === 'cancelled' ? 'cancelled' : 'converged',
      ...(status === 'unanimous'
        ? { product: `Council answer: ${task.split('\n')[0]}`, rationale: 'agreed' }
        : {}),
      outputKind: run.request.input.outputKind,
      roundsCompleted: status === 'unanimous' ? 1 : 0,
      converged: status === 'unanimous',
      ratifications: [],
      minorityReport: [],
      abstentions: [],
      participants: FAKE_PARTICIPANTS,
      singleVendor: false,
      signals: status === 'unanimous' ? [SIGNALS] : [],
      cost: {
        usage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0 },
        costUsd: 0.001,
        unpricedCalls: 0,
        calls: 6,
      },
      startedAt: run.status.startedAt,
      finishedAt: Date.now(),
    };
    run.result = result;
    run.status = {
      ...run.status,
      state: status === 'cancelled' ? 'cancelled' : 'completed',
      progress: 1,
      message: status,
      updatedAt: Date.now(),
    };
    this.emit(run, { type: 'run-finished', runId, at: Date.now(), protocol: 'consensus', result });
    for (const resolve of run.waiters.splice(0)) resolve(result);
  }

  private emit(run: FakeRun, event: RunEvent): void {
    if (event.type !== 'token-delta')
      run.transcript.push({ ...event, seq: run.transcript.length } as TranscriptRecord);
    for (const listener of [...run.listeners]) listener(event);
    for (const listener of [...this.all]) listener(event);
  }
}

const SIGNALS: RoundSignals = {
  round: 1,
  textDivergence: 0.02,
  pairwiseDivergence: {},
  scoreSpread: 0,
  meanScores: { 'openai:gpt-test': 9, 'anthropic:claude-test': 9 },
  improvementRoom: { 'openai:gpt-test': 'none', 'anthropic:claude-test': 'none' },
  majorIssueCount: 0,
  verdicts: [{ condition: 'textDivergence', holds: true, value: 0.02, threshold: 0.15 }],
  converged: true,
};
