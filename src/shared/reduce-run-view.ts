/**
 * The pure reducer of the panel's view (docs/ARCHITECTURE.md, "The event flow"): a snapshot
 * (all events so far) and a live stream (one event at a time) produce the same view. One small
 * handler per event type; an event of a type not listed leaves the view as it was.
 */
import { addUsage, ZERO_USAGE } from '../core/language-model';
import type { RunEvent } from '../core/run-events';
import type { ConsensusInput, ConsensusResult } from '../core/consensus-types';
import type { VoteInput, VoteResult } from '../core/vote-types';
import type { CallView, RoundView, RunViewState } from './run-view-types';
import { DEFAULT_MAX_ROUNDS, DEFAULT_THRESHOLDS } from '../core/run-defaults';
import { limitsOf } from './run-view-settings';
import { debateRoundOf, lastScoredRound } from './run-view-queries';

type EventOf<K extends RunEvent['type']> = Extract<RunEvent, { type: K }>;
type Handlers = {
  [K in RunEvent['type']]?: (state: RunViewState, event: EventOf<K>) => RunViewState;
};

function isVoteInput(input: ConsensusInput | VoteInput): input is VoteInput {
  return 'question' in input;
}

function isVoteResult(result: ConsensusResult | VoteResult): result is VoteResult {
  return 'strategy' in result;
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
    cost: { usage: { ...ZERO_USAGE }, costUsd: 0, unpricedCalls: 0, calls: 0 },
    startedAt: event.at,
    updatedAt: event.at,
  };
}

function withRound(
  state: RunViewState,
  round: number,
  change: (view: RoundView) => RoundView,
): RunViewState {
  const rounds = state.rounds;
  const index = rounds.findIndex((view) => view.round === round);
  if (index === -1) {
    const next = [...rounds, change({ round, proposals: [], reviews: [] })];
    return { ...state, rounds: next.sort((a, b) => a.round - b.round) };
  }
  const next = [...rounds];
  next[index] = change(rounds[index]!);
  return { ...state, rounds: next };
}

type CallEvent = Pick<CallView, 'callId' | 'participantId' | 'phase' | 'round'> & {
  attempt?: number;
};

/** Changes one call; a call first seen through a later event (a delta before its start) is created. */
function withCall(
  state: RunViewState,
  event: CallEvent,
  change: (call: CallView) => CallView,
): RunViewState {
  const index = state.calls.findIndex((call) => call.callId === event.callId);
  const { callId, participantId, phase, round } = event;
  const fresh: CallView = {
    ...{ callId, participantId, phase, round },
    attempt: event.attempt ?? 0,
    text: '',
    status: 'streaming',
  };
  if (index === -1) return { ...state, calls: [...state.calls, change(fresh)] };
  const calls = [...state.calls];
  calls[index] = change(state.calls[index]!);
  return { ...state, calls };
}

function runStarted(_state: RunViewState, event: EventOf<'run-started'>): RunViewState {
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

function callFinished(state: RunViewState, event: EventOf<'call-finished'>): RunViewState {
  const priced = typeof event.costUsd === 'number';
  const next = withCall(state, event, (call) => ({
    ...call,
    text: event.text,
    status: 'done',
    usage: event.usage,
    ...(priced ? { costUsd: event.costUsd } : {}),
  }));
  return {
    ...next,
    cost: {
      usage: addUsage(state.cost.usage, event.usage),
      costUsd: state.cost.costUsd + (event.costUsd ?? 0),
      unpricedCalls: state.cost.unpricedCalls + (priced ? 0 : 1),
      calls: state.cost.calls + 1,
    },
  };
}

function proposal(state: RunViewState, event: EventOf<'proposal'>): RunViewState {
  const made = event.proposal;
  const round = debateRoundOf(made.phase, made.round, lastScoredRound(state.rounds));
  return withRound(state, round, (view) => ({
    ...view,
    proposals: [
      ...view.proposals.filter(
        (p) => !(p.participantId === made.participantId && p.phase === made.phase),
      ),
      made,
    ],
  }));
}

function runFinished(state: RunViewState, event: EventOf<'run-finished'>): RunViewState {
  const result = event.result;
  const { usage, costUsd, unpricedCalls, calls } = result.cost;
  const finished: RunViewState = {
    ...state,
    status: 'finished',
    finishedAt: event.at,
    cost: { usage, costUsd, unpricedCalls, calls },
    ...(result.error ? { error: result.error } : {}),
  };
  if (isVoteResult(result)) return { ...finished, voteResult: result };
  return {
    ...finished,
    consensusResult: result,
    // The result is the authority on who ratified and who abstained.
    ratifications: result.ratifications.length ? result.ratifications : state.ratifications,
    abstentions: result.abstentions.length ? result.abstentions : state.abstentions,
    status: result.status === 'failed' ? 'failed' : 'finished',
  };
}

const HANDLERS: Handlers = {
  'run-started': runStarted,
  'phase-started': (state, event) => ({
    ...state,
    phase: event.phase,
    round: debateRoundOf(event.phase, event.round, lastScoredRound(state.rounds)),
  }),
  'call-started': (state, event) => withCall(state, event, (call) => call),
  'token-delta': (state, event) =>
    withCall(state, event, (call) => ({ ...call, text: call.text + event.delta })),
  'call-finished': callFinished,
  'call-failed': (state, event) =>
    withCall(state, event, (call) => ({ ...call, status: 'failed', error: event.error })),
  'call-not-needed': (state, event) =>
    withCall(state, event, (call) => ({ ...call, status: 'not-needed', notNeeded: event.reason })),
  proposal,
  'review-done': (state, { report }) =>
    withRound(state, report.round, (view) => ({
      ...view,
      reviews: [...view.reviews.filter((r) => r.reviewerId !== report.reviewerId), report],
    })),
  abstained: (state, event) => ({
    ...state,
    abstentions: [...state.abstentions, event.abstention],
  }),
  'round-scored': (state, { signals }) =>
    withRound(state, signals.round, (view) => ({ ...view, signals })),
  notice: (state, { notice }) => withRound(state, notice.round, (view) => ({ ...view, notice })),
  deadlock: (state, event) =>
    withRound(state, event.round, (view) => ({
      ...view,
      deadlock: {
        signal: event.signal,
        detail: event.detail,
        ...(event.measure ? { measure: event.measure } : {}),
      },
    })),
  'final-skipped': (state, event) => ({ ...state, finalSkipped: { round: event.round } }),
  combined: (state, event) => ({
    ...state,
    combined: { product: event.product, agreement: event.agreement },
  }),
  ratified: (state, { ratification }) => ({
    ...state,
    ratifications: [
      ...state.ratifications.filter((r) => r.participantId !== ratification.participantId),
      ratification,
    ],
  }),
  'vote-cast': (state, event) => ({
    ...state,
    votes: [
      ...state.votes.filter((v) => v.participantId !== event.participantId),
      { participantId: event.participantId, answer: event.answer },
    ],
  }),
  'run-finished': runFinished,
  'run-failed': (state, event) => ({
    ...state,
    status: 'failed',
    error: event.error,
    finishedAt: event.at,
  }),
  'transcript-incomplete': (state) => ({ ...state, transcriptIncomplete: true }),
};

export function reduceRunView(state: RunViewState | undefined, event: RunEvent): RunViewState {
  const base = state && state.runId === event.runId ? state : initialState(event);
  const current: RunViewState = { ...base, updatedAt: Math.max(base.updatedAt, event.at) };
  const handler = HANDLERS[event.type] as
    ((state: RunViewState, event: RunEvent) => RunViewState) | undefined;
  return handler ? handler(current, event) : current;
}

export function buildRunView(events: readonly RunEvent[]): RunViewState | undefined {
  let state: RunViewState | undefined;
  for (const event of events) state = reduceRunView(state, event);
  return state;
}
