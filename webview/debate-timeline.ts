/**
 * The debate at a glance, derived from the run view alone: per round and participant what it
 * did (drafted, merged, reviewed, abstained and why), the mean score its proposal received,
 * and the round's decisive signal; per participant the score trend and any dissent. Pure, so
 * it is unit-tested without a browser.
 */
import {
  debateRoundOf,
  lastScoredRound,
  scoreMatrixOf,
  type RoundSignals,
  type RunViewState,
} from '../src/shared/run-view-state';

export type TimelineAction = 'drafted' | 'merged' | 'reviewed' | 'final';

export interface TimelineCell {
  actions: TimelineAction[];
  /** The abstention in this round: phase and error kind (our own enum, never vendor text). */
  abstained?: { phase: string; kind: string };
  /** Mean peer score the participant's proposal received this round. */
  score?: number;
}

export interface TimelineRow {
  participantId: string;
  cells: TimelineCell[];
  trend: (number | undefined)[];
  dissent?: 'approve-with-reservations' | 'object';
}

export type DecisiveSignal =
  | { kind: 'converged' }
  | { kind: 'deadlock'; signal: string }
  | { kind: 'condition'; condition: string; value: number | string; threshold: number | string }
  /** The round's scores say nothing (e.g. `no-usable-reviews`): named, not "spread unknown". */
  | { kind: 'unscored'; cause: NonNullable<RoundSignals['cause']> }
  | { kind: 'pending' };

export interface DebateTimeline {
  rounds: number[];
  rows: TimelineRow[];
  decisive: DecisiveSignal[];
}

const PHASE_ACTION: Record<string, TimelineAction | undefined> = {
  draft: 'drafted',
  merge: 'merged',
  final: 'final',
};

function decisiveOf(round: RunViewState['rounds'][number]): DecisiveSignal {
  if (round.deadlock) return { kind: 'deadlock', signal: round.deadlock.signal };
  const signals = round.signals;
  if (!signals) return { kind: 'pending' };
  if (signals.converged) return { kind: 'converged' };
  if (signals.cause) return { kind: 'unscored', cause: signals.cause };
  const failing = signals.verdicts.find((v) => !v.holds && v.condition !== 'roundCap');
  if (!failing) return { kind: 'pending' };
  return {
    kind: 'condition',
    condition: failing.condition,
    value: failing.value,
    threshold: failing.threshold,
  };
}

/**
 * In a finished run, a round after the last scored one that holds only reviews is the scoring
 * of the last merges (docs/PROTOCOL.md "Rounds"): its scores are already the last round's, so
 * it is not a round of the debate (a run that converged after 2 rounds shows 2 columns).
 */
function onlyScoresTheLastMerges(state: RunViewState, round: number, lastScored: number): boolean {
  if (state.status !== 'finished' || lastScored === 0 || round <= lastScored) return false;
  const view = state.rounds.find((r) => r.round === round);
  const abstained = state.abstentions.some(
    (a) => debateRoundOf(a.phase, a.round, lastScored) === round,
  );
  return !abstained && (view?.proposals.length ?? 0) === 0;
}

export function debateTimeline(state: RunViewState): DebateTimeline {
  const lastScored = lastScoredRound(state.rounds);
  // Rounds with proposals or reviews, plus rounds in which someone abstained before any of it.
  const rounds = [
    ...new Set([
      ...state.rounds.map((r) => r.round),
      ...state.abstentions.map((a) => debateRoundOf(a.phase, a.round, lastScored)),
    ]),
  ]
    .filter((round) => round > 0 && !onlyScoresTheLastMerges(state, round, lastScored))
    .sort((a, b) => a - b);
  const views = rounds.map(
    (round) =>
      state.rounds.find((view) => view.round === round) ?? { round, proposals: [], reviews: [] },
  );
  const dissent = new Map(
    (state.consensusResult?.minorityReport ?? []).map((r) => [r.participantId, r.vote]),
  );
  const rows = state.participants.map((participant): TimelineRow => {
    const cells = views.map((round): TimelineCell => {
      const actions: TimelineAction[] = [];
      for (const proposal of round.proposals) {
        const action = PHASE_ACTION[proposal.phase];
        if (proposal.participantId === participant.id && action && !actions.includes(action)) {
          actions.push(action);
        }
      }
      if (round.reviews.some((r) => r.reviewerId === participant.id)) actions.push('reviewed');
      const abstention = state.abstentions.find(
        (a) =>
          a.participantId === participant.id &&
          debateRoundOf(a.phase, a.round, lastScored) === round.round,
      );
      // Until its signals arrive, only round 1's reviews score that round's own proposals (the
      // drafts); later rounds' reviews score the previous round's merges (docs/PROTOCOL.md).
      const score =
        round.signals?.meanScores[participant.id] ??
        (round.round === 1 && round.reviews.length
          ? scoreMatrixOf(state, round).meanByAuthor[participant.id]
          : undefined);
      return {
        actions,
        ...(abstention
          ? { abstained: { phase: abstention.phase, kind: abstention.error.kind } }
          : {}),
        ...(score !== undefined ? { score } : {}),
      };
    });
    const vote = dissent.get(participant.id);
    return {
      participantId: participant.id,
      cells,
      trend: cells.map((cell) => cell.score),
      ...(vote === 'approve-with-reservations' || vote === 'object' ? { dissent: vote } : {}),
    };
  });
  return { rounds, rows, decisive: views.map(decisiveOf) };
}
