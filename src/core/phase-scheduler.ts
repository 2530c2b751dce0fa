/**
 * Starts the calls of a consensus run as their inputs exist (docs/PROTOCOL.md "Scheduling"):
 * each participant's task of a phase waits only for what it reads, then calls. A phase's
 * `phase-started` event goes out with its first call, and each phase has its straggler gate.
 */
import type { Phase, Proposal, ResolvedScheduling, SchedulingOptions } from './consensus-types';
import type { Participant } from './participant';
import type { RunContext } from './run-context';
import { RunCancelledError, type CallOutcome } from './call-participant';
import { toModelError } from './model-error';
import { StragglerGate } from './straggler-gate';
import type { Abstain } from './review-and-merge';
import type { PhaseCalls } from './final-phase';
import { raceCancel } from './race-cancel';

export interface OpenedPhase {
  gate: StragglerGate;
  start(): void;
}

export class PhaseScheduler {
  private readonly gates: StragglerGate[] = [];

  constructor(
    private readonly context: RunContext,
    private readonly abstain: Abstain,
    private readonly stragglerFactor: number | undefined,
    private readonly quorum: number,
  ) {}

  open(phase: Phase, round: number): OpenedPhase {
    const gate = new StragglerGate(this.context.clock, this.stragglerFactor, this.quorum);
    this.gates.push(gate);
    let started = false;
    return {
      gate,
      start: () => {
        if (started) return;
        started = true;
        this.context.emit({ type: 'phase-started', phase, round });
      },
    };
  }

  /**
   * One participant's task of a phase, started once `ready` resolves: an unexpected failure is
   * its abstention; cancellation propagates. Never an unhandled rejection.
   */
  launch<T>(
    participant: Participant,
    phase: Phase,
    round: number,
    opened: OpenedPhase,
    work: (stop: AbortSignal | undefined) => Promise<T | undefined>,
    ready: Promise<unknown> = Promise.resolve(),
  ): Promise<T | undefined> {
    const task = ready.then(async () => {
      opened.start();
      try {
        const value = await work(opened.gate.signalFor(participant.id));
        opened.gate.settled(participant.id, value !== undefined);
        return value;
      } catch (error) {
        opened.gate.settled(participant.id, false);
        if (error instanceof RunCancelledError || this.context.cancelled) throw error;
        const failure = toModelError(error, participant.provider, participant.model);
        this.abstain(participant, phase, round, { ok: false, error: failure });
        return undefined;
      }
    });
    task.catch(() => undefined); // awaited later through raceCancel
    return task;
  }

  /** Every participant of `who` called at once for one phase; the usable outcomes. */
  readonly phaseCalls: PhaseCalls = async <T>(
    phase: Phase,
    round: number,
    who: Participant[],
    call: (participant: Participant, stop: AbortSignal | undefined) => Promise<CallOutcome<T>>,
  ) => {
    const opened = this.open(phase, round);
    const tasks = who.map((participant) =>
      this.launch(participant, phase, round, opened, async (stop) => {
        const outcome = await call(participant, stop);
        this.abstain(participant, phase, round, outcome);
        return outcome.ok ? outcome : undefined;
      }),
    );
    const settled = await raceCancel(this.context, Promise.all(tasks));
    return who.flatMap((participant, index) => {
      const outcome = settled[index];
      return outcome ? [{ participant, outcome: outcome as CallOutcome<T> }] : [];
    });
  };

  dispose(): void {
    for (const gate of this.gates) gate.dispose();
  }
}

/** The scheduling options with their defaults (dataflow, no straggler deadline, skip allowed). */
export function resolveScheduling(options: SchedulingOptions | undefined): ResolvedScheduling {
  const factor = options?.stragglerFactor;
  return {
    mode: options?.mode ?? 'dataflow',
    ...(factor !== undefined && Number.isFinite(factor)
      ? { stragglerFactor: Math.max(1, factor) }
      : {}),
    alwaysRunFinal: options?.alwaysRunFinal ?? false,
  };
}

/** The settled proposals of a round, in participant order, but `exceptId`'s own. */
export async function settledProposals(
  pending: Map<string, Promise<Proposal | undefined>>,
  exceptId?: string,
): Promise<Proposal[]> {
  const tasks = [...pending].filter(([id]) => id !== exceptId).map(([, task]) => task);
  const settled = await Promise.all(tasks);
  return settled.filter((proposal): proposal is Proposal => proposal !== undefined);
}
