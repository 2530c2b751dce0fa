/**
 * What the panel shows of one run, derived from the run's event stream alone (docs/ARCHITECTURE.md, "The event flow": the
 * panel is a projection of the one stream). A pure reducer, so a snapshot (all events so far)
 * and a live stream (one event at a time) always produce the same view.
 */
import { addUsage, ZERO_USAGE, type Usage } from '../core/language-model';
import { DEFAULT_MAX_ROUNDS, DEFAULT_THRESHOLDS, resolveThresholds } from '../core/run-defaults';
import type { ParticipantInfo } from '../core/participant';
import type { SerializedModelError } from '../core/model-error';
import type { ProtocolName, RunEvent, RunStartedEvent } from '../core/run-events';
import type {
  Abstention,
  ConsensusInput,
  ConsensusResult,
  DeadlockSignal,
  RunNotice,
  OutputKind,
  Phase,
  Proposal,
  Ratification,
  ReviewerReport,
  RoundSignals,
  Thresholds,
} from '../core/consensus-types';
import type { VoteInput, VoteResult } from '../core/vote-types';

export type RunViewStatus = 'running' | 'finished' | 'failed';

export interface CallView {
  callId: string;
  participantId: string;
  phase: Phase;
  round: number;
  attempt: number;
  /** Streamed text so far; the final text once the call finished. */
  text: string;
  status: 'streaming' | 'done' | 'failed';
  usage?: Usage;
  costUsd?: number;
  error?: SerializedModelError;
}

export interface RoundView {
  round: number;
  proposals: Proposal[];
  reviews: ReviewerReport[];
  signals?: RoundSignals;
  deadlock?: { signal: DeadlockSignal; detail: string };
  /** E.g. no usable review arrived in this round (its scores are unknown). */
  notice?: RunNotice;
}

export interface CostView {
  usage: Usage;
  costUsd: number;
  unpricedCalls: number;
  calls: number;
}

export interface RunViewState {
  runId: string;
  protocol: ProtocolName;
  /** The task (consensus) or the question (vote). */
  task: string;
  outputKind: OutputKind;
  participants: ParticipantInfo[];
  maxRounds: number;
  thresholds: Thresholds;
  status: RunViewStatus;
  phase?: Phase;
  round: number;
  /** Every model call in order of start; the panel streams the latest per participant. */
  calls: CallView[];
  rounds: RoundView[];
  abstentions: Abstention[];
  ratifications: Ratification[];
  combined?: { product: string; agreement: number };
  votes: { participantId: string; answer: string }[];
  consensusResult?: ConsensusResult;
  voteResult?: VoteResult;
  error?: { message: string; hint?: string };
  /** The host could not write every record of this run's transcript (disk full). */
  transcriptIncomplete?: true;
  cost: CostView;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
}

/**
 * The round cap and thresholds of a run: the engine's resolved settings, else (a run the engine
 * never started) the input over core's defaults.
 */
function limitsOf(event: RunStartedEvent): { maxRounds: number; thresholds: Thresholds } {
  const settings = event.settings;
  if (settings && 'maxRounds' in settings) {
    return { maxRounds: settings.maxRounds, thresholds: resolveThresholds(settings.thresholds) };
  }
  const input = isVoteInput(event.input) ? undefined : event.input;
  return {
    maxRounds: input?.maxRounds ?? DEFAULT_MAX_ROUNDS,
    thresholds: resolveThresholds(input?.thresholds),
  };
}

function isVoteInput(input: ConsensusInput | VoteInput): input is VoteInput {
  return 'question' in input;
}

/** A run seen first mid-stream (no run-started) still gets a usable view. */
function initialState(event: RunEvent): RunViewState {
  return {
    runId: event.runId,
    protocol: 'consensus',
    task: '',
    outputKind: 'text',
    participants: [],
    maxRounds: DEFAULT_MAX_ROUNDS,
    thresholds: { ...DEFAULT_THRESHOLDS },
    status: 'running',
    round: 0,
    calls: [],
    rounds: [],
    abstentions: [],
    ratifications: [],
    votes: [],
    cost: { usage: ZERO_USAGE, costUsd: 0, unpricedCalls: 0, calls: 0 },
    startedAt: event.at,
    updatedAt: event.at,
  };
}

function withRound(
  rounds: RoundView[],
  round: number,
  change: (view: RoundView) => RoundView,
): RoundView[] {
  const index = rounds.findIndex((view) => view.round === round);
  if (index === -1) {
    const next = [...rounds, change({ round, proposals: [], reviews: [] })];
    return next.sort((a, b) => a.round - b.round);
  }
  const next = [...rounds];
  next[index] = change(rounds[index] as RoundView);
  return next;
}

/** A call first seen through this event (a delta may arrive before its call-started). */
function freshCall(
  event: { callId: string; participantId: string; phase: CallView['phase']; round: number },
  attempt: number,
): CallView {
  return {
    callId: event.callId,
    participantId: event.participantId,
    phase: event.phase,
    round: event.round,
    attempt,
    text: '',
    status: 'streaming',
  };
}

function withCall(
  calls: CallView[],
  callId: string,
  create: () => CallView,
  change: (call: CallView) => CallView,
): CallView[] {
  const index = calls.findIndex((call) => call.callId === callId);
  if (index === -1) return [...calls, change(create())];
  const next = [...calls];
  next[index] = change(calls[index] as CallView);
  return next;
}

function isVoteResult(result: ConsensusResult | VoteResult): result is VoteResult {
  return 'strategy' in result;
}

export function reduceRunView(state: RunViewState | undefined, event: RunEvent): RunViewState {
  if (event.type === 'run-started') {
    const input = event.input;
    const vote = isVoteInput(input);
    return {
      ...initialState(event),
      protocol: event.protocol,
      task: vote ? input.question : input.task,
      outputKind: vote ? 'text' : input.outputKind,
      participants: event.participants,
      ...limitsOf(event),
    };
  }
  const base = state && state.runId === event.runId ? state : initialState(event);
  const current: RunViewState = { ...base, updatedAt: Math.max(base.updatedAt, event.at) };
  switch (event.type) {
    case 'phase-started':
      return {
        ...current,
        phase: event.phase,
        round: debateRoundOf(event.phase, event.round, lastScoredRound(current.rounds)),
      };
    case 'call-started': {
      const fresh = () => freshCall(event, event.attempt);
      return { ...current, calls: withCall(current.calls, event.callId, fresh, (call) => call) };
    }
    case 'token-delta': {
      const fresh = () => freshCall(event, 0);
      return {
        ...current,
        calls: withCall(current.calls, event.callId, fresh, (call) => ({
          ...call,
          text: call.text + event.delta,
        })),
      };
    }
    case 'call-finished': {
      const fresh = () => freshCall(event, 0);
      const priced = typeof event.costUsd === 'number';
      return {
        ...current,
        calls: withCall(current.calls, event.callId, fresh, (call) => ({
          ...call,
          text: event.text,
          status: 'done',
          usage: event.usage,
          ...(priced ? { costUsd: event.costUsd } : {}),
        })),
        cost: {
          usage: addUsage(current.cost.usage, event.usage),
          costUsd: current.cost.costUsd + (event.costUsd ?? 0),
          unpricedCalls: current.cost.unpricedCalls + (priced ? 0 : 1),
          calls: current.cost.calls + 1,
        },
      };
    }
    case 'call-failed': {
      const fresh = () => freshCall(event, 0);
      return {
        ...current,
        calls: withCall(current.calls, event.callId, fresh, (call) => ({
          ...call,
          status: 'failed',
          error: event.error,
        })),
      };
    }
    case 'proposal': {
      const proposal = event.proposal;
      const round = debateRoundOf(proposal.phase, proposal.round, lastScoredRound(current.rounds));
      return {
        ...current,
        rounds: withRound(current.rounds, round, (view) => ({
          ...view,
          proposals: [
            ...view.proposals.filter(
              (p) => !(p.participantId === proposal.participantId && p.phase === proposal.phase),
            ),
            proposal,
          ],
        })),
      };
    }
    case 'review-done': {
      const report = event.report;
      return {
        ...current,
        rounds: withRound(current.rounds, report.round, (view) => ({
          ...view,
          reviews: [...view.reviews.filter((r) => r.reviewerId !== report.reviewerId), report],
        })),
      };
    }
    case 'abstained':
      return { ...current, abstentions: [...current.abstentions, event.abstention] };
    case 'round-scored':
      return {
        ...current,
        rounds: withRound(current.rounds, event.signals.round, (view) => ({
          ...view,
          signals: event.signals,
        })),
      };
    case 'notice':
      return {
        ...current,
        rounds: withRound(current.rounds, event.notice.round, (view) => ({
          ...view,
          notice: event.notice,
        })),
      };
    case 'deadlock':
      return {
        ...current,
        rounds: withRound(current.rounds, event.round, (view) => ({
          ...view,
          deadlock: { signal: event.signal, detail: event.detail },
        })),
      };
    case 'combined':
      return { ...current, combined: { product: event.product, agreement: event.agreement } };
    case 'ratified':
      return {
        ...current,
        ratifications: [
          ...current.ratifications.filter(
            (r) => r.participantId !== event.ratification.participantId,
          ),
          event.ratification,
        ],
      };
    case 'vote-cast':
      return {
        ...current,
        votes: [
          ...current.votes.filter((v) => v.participantId !== event.participantId),
          { participantId: event.participantId, answer: event.answer },
        ],
      };
    case 'run-finished': {
      const result = event.result;
      const finished: RunViewState = {
        ...current,
        status: 'finished',
        finishedAt: event.at,
        cost: {
          usage: result.cost.usage,
          costUsd: result.cost.costUsd,
          unpricedCalls: result.cost.unpricedCalls,
          calls: result.cost.calls,
        },
        ...(result.error ? { error: result.error } : {}),
      };
      if (isVoteResult(result)) return { ...finished, voteResult: result };
      return {
        ...finished,
        consensusResult: result,
        // The result is the authority on who ratified and who abstained.
        ratifications: result.ratifications.length ? result.ratifications : current.ratifications,
        abstentions: result.abstentions.length ? result.abstentions : current.abstentions,
        status: result.status === 'failed' ? 'failed' : 'finished',
      };
    }
    case 'run-failed':
      return { ...current, status: 'failed', error: event.error, finishedAt: event.at };
    case 'transcript-incomplete':
      return { ...current, transcriptIncomplete: true };
    default:
      return current;
  }
}

export function buildRunView(events: readonly RunEvent[]): RunViewState | undefined {
  let state: RunViewState | undefined;
  for (const event of events) state = reduceRunView(state, event);
  return state;
}

/** The latest call of each participant: what its card streams. */
export function latestCallByParticipant(state: RunViewState): Map<string, CallView> {
  const latest = new Map<string, CallView>();
  for (const call of state.calls) latest.set(call.participantId, call);
  return latest;
}

export interface ScoreMatrix {
  round: number;
  reviewerIds: string[];
  authorIds: string[];
  /** scores[reviewerId][authorId]; absent where a reviewer did not score an author (self). */
  scores: Record<string, Record<string, number>>;
  /** Mean score each author received this round. */
  meanByAuthor: Record<string, number>;
}

/** Reviewer × author scores of one round, by participant id (labels resolved by the engine). */
export function scoreMatrixOf(state: RunViewState, round: RoundView): ScoreMatrix {
  const order = state.participants.map((p) => p.id);
  const reviewers = new Set<string>();
  const authors = new Set<string>();
  const scores: Record<string, Record<string, number>> = {};
  for (const report of round.reviews) {
    reviewers.add(report.reviewerId);
    const row = (scores[report.reviewerId] ??= {});
    for (const review of report.reviews) {
      const authorId = review.authorId || report.labelMap[review.label] || review.label;
      authors.add(authorId);
      row[authorId] = review.score;
    }
  }
  const byParticipantOrder = (ids: Set<string>): string[] =>
    [...ids].sort((a, b) => rank(order, a) - rank(order, b));
  const authorIds = byParticipantOrder(authors);
  const meanByAuthor: Record<string, number> = {};
  for (const authorId of authorIds) {
    const values = Object.values(scores)
      .map((row) => row[authorId])
      .filter((value): value is number => typeof value === 'number');
    if (values.length) meanByAuthor[authorId] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return {
    round: round.round,
    reviewerIds: byParticipantOrder(reviewers),
    authorIds,
    scores,
    meanByAuthor,
  };
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

export function participantName(state: RunViewState, participantId: string): string {
  return state.participants.find((p) => p.id === participantId)?.displayName ?? participantId;
}

/** The final status word shown in the panel ("unanimous", "reached", "failed"…). */
export function finalStatusOf(state: RunViewState): string | undefined {
  if (state.consensusResult) return state.consensusResult.status;
  if (state.voteResult) return state.voteResult.reached ? 'reached' : 'not-reached';
  if (state.status === 'failed') return 'failed';
  return undefined;
}

/**
 * The debate round a phase belongs to, as every surface shows it (panel, toast, CLI,
 * get_task_status). The engine numbers the closing phases (final versions, ratification)
 * one past the last debate round; shown as such, a 2-round run read "round 3 of 4". They
 * belong to the last scored round instead.
 */
export function debateRoundOf(phase: string, round: number, lastScoredRound: number): number {
  const closing = phase === 'final' || phase === 'ratify';
  return closing && lastScoredRound > 0 ? Math.min(round, lastScoredRound) : round;
}

export function lastScoredRound(rounds: readonly RoundView[]): number {
  return rounds.reduce((last, view) => (view.signals ? Math.max(last, view.round) : last), 0);
}

/**
 * Results the council agreed on, the only ones the panel and the host offer to apply
 * (provisional and deadlock with a visible warning). Cancelled, failed and over-budget runs
 * have at most an unreviewed draft.
 */
export const AGREED_STATUSES: readonly string[] = [
  'unanimous',
  'majority',
  'provisional',
  'deadlock',
];

export function isAgreedStatus(status: string | undefined): boolean {
  return status !== undefined && AGREED_STATUSES.includes(status);
}

// The panel (webview/) may import only src/shared: it gets the core types it renders from here.
export type {
  Abstention,
  ConsensusResult,
  Phase,
  Proposal,
  Ratification,
  ReviewerReport,
  RoundSignals,
  Thresholds,
  ParticipantInfo,
  RunEvent,
  VoteResult,
};
