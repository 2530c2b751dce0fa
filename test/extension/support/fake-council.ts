/** An in-memory CouncilService whose runs the test drives event by event. */
import type { CouncilService, RunSummary } from '../../../src/shared/council-service';
import type { RunEvent, RunEventListener } from '../../../src/core/run-events';
import type { ConsensusResult } from '../../../src/core/consensus-types';

export class FakeCouncil {
  readonly listeners = new Set<RunEventListener>();
  readonly cancelled: string[] = [];
  readonly started: unknown[] = [];
  readonly results = new Map<string, ConsensusResult>();
  readonly history: RunSummary[] = [];
  /** waitForResult callers, until the test settles the run. */
  private readonly waiting = new Map<string, (() => void)[]>();

  emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** The service has put the run's result (and its final history state) in place. */
  settle(runId: string): void {
    for (const resolve of this.waiting.get(runId) ?? []) resolve();
    this.waiting.delete(runId);
  }

  asService(): CouncilService {
    const unsupported = async (): Promise<never> => {
      throw new Error('not used in this test');
    };
    return {
      listParticipants: async () => [],
      findParticipantsForTask: async () => [],
      estimate: unsupported,
      startConsensus: async (request) => {
        this.started.push(request);
        return { runId: request.input.runId ?? 'run-x' };
      },
      startVote: unsupported,
      runIteration: unsupported,
      getStatus: async () => undefined,
      waitForResult: (runId) =>
        new Promise((resolve) => {
          const list = this.waiting.get(runId) ?? [];
          list.push(() => resolve(this.results.get(runId) as ConsensusResult));
          this.waiting.set(runId, list);
        }),
      getResult: async (runId) => this.results.get(runId),
      cancel: async (runId) => {
        this.cancelled.push(runId);
        return true;
      },
      subscribe: () => () => {},
      watchAllRuns: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      listRuns: async () => this.history,
      readTranscript: async () => [],
      readTranscriptPage: async () => ({ total: 0, offset: 0, records: [] }),
    };
  }
}
