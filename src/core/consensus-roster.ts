/**
 * Who still takes part in a consensus run. A participant that cannot answer (a rejected key, no
 * quota, an unknown model) or that abstained in two phases in a row sits out the rest of the
 * run: calling it again would only add retries and minutes to every phase. It stays in the
 * result as an abstainer. Passing the straggler deadline is no strike: a slow participant is
 * asked again in the next phase.
 */
import type { CallOutcome } from './call-participant';
import type { Abstention, Phase } from './consensus-types';
import type { Participant } from './participant';
import type { Abstain } from './review-and-merge';
import { DROP_OUT_AFTER_ABSTENTIONS } from './run-defaults';
import type { RunContext } from './run-context';

const PERMANENT_ERROR_KINDS: ReadonlySet<string> = new Set(['auth', 'quota', 'model-not-found']);

export class ConsensusRoster {
  readonly abstentions: Abstention[] = [];
  private readonly consecutiveAbstentions = new Map<string, number>();
  private readonly droppedOut = new Set<string>();

  constructor(
    private readonly context: RunContext,
    private readonly participants: Participant[],
  ) {}

  /** The participants that have not dropped out. */
  readonly active = (): Participant[] =>
    this.participants.filter((participant) => !this.droppedOut.has(participant.id));

  hasDroppedOut(participantId: string): boolean {
    return this.droppedOut.has(participantId);
  }

  /** Records a call's outcome: a success clears the strikes, a failure is an abstention. */
  readonly abstain: Abstain = (
    participant: Participant,
    phase: Phase,
    round: number,
    outcome: CallOutcome<unknown>,
  ) => {
    if (outcome.ok) {
      this.consecutiveAbstentions.set(participant.id, 0);
      return;
    }
    if (outcome.notNeeded !== undefined && outcome.notNeeded !== 'straggler') return;
    const straggler = outcome.notNeeded === 'straggler';
    if (!straggler) {
      const strikes = (this.consecutiveAbstentions.get(participant.id) ?? 0) + 1;
      this.consecutiveAbstentions.set(participant.id, strikes);
      const permanent = PERMANENT_ERROR_KINDS.has(outcome.error.kind);
      if (permanent || strikes >= DROP_OUT_AFTER_ABSTENTIONS) this.droppedOut.add(participant.id);
    }
    const abstention: Abstention = {
      participantId: participant.id,
      phase,
      round,
      error: outcome.error.toJSON(),
      ...(this.droppedOut.has(participant.id) ? { droppedOut: true } : {}),
      ...(straggler ? { straggler: true } : {}),
    };
    this.abstentions.push(abstention);
    this.context.emit({ type: 'abstained', abstention });
  };
}
