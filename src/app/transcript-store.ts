/** Where run transcripts live: the core's TranscriptSink plus reading back and listing. */
import type { TranscriptSink } from '../core/host-services';
import type { TranscriptRecord } from '../core/transcript-record';
import type { RunSummary } from '../shared/council-service';

export interface TranscriptStore extends TranscriptSink {
  /** Every readable record of a run, in order; [] when the run is unknown. */
  read(runId: string): Promise<TranscriptRecord[]>;
  /** Past runs, newest first. Runs whose writer died before an end record are `interrupted`. */
  list(): Promise<RunSummary[]>;
  has(runId: string): Promise<boolean>;
}
