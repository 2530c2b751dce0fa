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

  emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
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
      waitForResult: unsupported,
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
    };
  }
}
