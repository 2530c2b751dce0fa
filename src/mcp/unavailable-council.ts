/** A CouncilService whose every call fails with one explanation (e.g. the editor is unreachable). */
import type { CouncilService } from '../shared/council-service';

export function unavailableCouncil(message: string, hint: string): CouncilService {
  const fail = (): Promise<never> => Promise.reject(Object.assign(new Error(message), { hint }));
  return {
    listParticipants: fail,
    findParticipantsForTask: fail,
    estimate: fail,
    startConsensus: fail,
    startVote: fail,
    runIteration: fail,
    getStatus: fail,
    waitForResult: fail,
    getResult: fail,
    cancel: fail,
    listRuns: fail,
    readTranscript: fail,
    readTranscriptPage: fail,
    subscribe: () => () => {},
    watchAllRuns: () => () => {},
  };
}
