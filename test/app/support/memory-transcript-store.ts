/** A TranscriptStore in memory: what a run wrote, readable at once (no file system). */
import type { TranscriptRecord } from '../../../src/core/transcript-record';
import type { TranscriptStore } from '../../../src/app/transcript-store';
import type { RunSummary } from '../../../src/shared/council-service';

export class MemoryTranscriptStore implements TranscriptStore {
  readonly records = new Map<string, TranscriptRecord[]>();
  summaries: RunSummary[] = [];

  append(runId: string, record: TranscriptRecord): Promise<void> {
    this.records.set(runId, [...(this.records.get(runId) ?? []), record]);
    return Promise.resolve();
  }

  read(runId: string): Promise<TranscriptRecord[]> {
    return Promise.resolve(this.records.get(runId) ?? []);
  }

  list(): Promise<RunSummary[]> {
    return Promise.resolve(this.summaries);
  }

  has(runId: string): Promise<boolean> {
    return Promise.resolve(this.records.has(runId));
  }
}
