/**
 * The straggler deadline of one phase (docs/PROTOCOL.md "Scheduling"): once a quorum of the
 * phase answered, a participant still working after `factor` times the quorum's latency
 * (measured from its own start) is stopped; it abstains from this phase only and is asked again
 * in the next one. Off (no factor) = every call is waited for, as before.
 */
import type { Clock } from './host-services';

export class StragglerGate {
  private readonly started = new Map<string, number>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latencies: number[] = [];
  private quorumLatency: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly factor: number | undefined,
    private readonly quorum: number,
  ) {}

  /** The stop signal of one participant's call in this phase; its clock starts now. */
  signalFor(participantId: string): AbortSignal | undefined {
    if (this.factor === undefined) return undefined;
    const controller = new AbortController();
    this.started.set(participantId, this.clock.now());
    this.controllers.set(participantId, controller);
    if (this.quorumLatency !== undefined) this.arm(participantId);
    return controller.signal;
  }

  /** Called when a participant's call of this phase settled (`answered` = a usable answer). */
  settled(participantId: string, answered: boolean): void {
    if (this.factor === undefined) return;
    const start = this.started.get(participantId);
    this.disarm(participantId);
    this.controllers.delete(participantId);
    if (!answered || start === undefined || this.quorumLatency !== undefined) return;
    this.latencies.push(this.clock.now() - start);
    if (this.latencies.length < this.quorum) return;
    this.quorumLatency = Math.max(...this.latencies);
    for (const id of this.controllers.keys()) this.arm(id);
  }

  dispose(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }

  private arm(participantId: string): void {
    const start = this.started.get(participantId);
    const controller = this.controllers.get(participantId);
    if (start === undefined || !controller || this.quorumLatency === undefined) return;
    const deadline = start + this.factor! * this.quorumLatency;
    const wait = Math.max(0, deadline - this.clock.now());
    this.timers.set(
      participantId,
      setTimeout(() => controller.abort('straggler'), wait),
    );
  }

  private disarm(participantId: string): void {
    const timer = this.timers.get(participantId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(participantId);
  }
}
