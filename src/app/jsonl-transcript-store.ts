/**
 * One append-only JSONL file per run (`<runId>.jsonl`) under a data folder: each record is
 * appended (synchronously) as it happens, so a crash or a window reload loses at most the calls
 * in flight. A partially written last line (the process died mid-write) is skipped when reading.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidRunId } from '../core/run-id';
import type { TranscriptRecord } from '../core/transcript-record';
import type { RunSummary } from '../shared/council-service';
import { redactSecrets } from './redact-secrets';
import { summarizeTranscript } from './summarize-transcript';
import type { TranscriptStore } from './transcript-store';
import { writerIsAlive, type RunWriter } from './run-writer-liveness';

const EXTENSION = '.jsonl';

export { isValidRunId };

export function parseJsonl(text: string): TranscriptRecord[] {
  const records: TranscriptRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && 'type' in value) {
        records.push(value as TranscriptRecord);
      }
    } catch {
      // A torn line from a crash mid-write: skip it, keep everything else.
    }
  }
  return records;
}

interface CachedSummary {
  mtimeMs: number;
  size: number;
  summary: RunSummary | undefined;
}

export class JsonlTranscriptStore implements TranscriptStore {
  private readonly summaries = new Map<string, CachedSummary>();
  private folderReady = false;

  constructor(
    readonly folder: string,
    private readonly isLive: (writer: RunWriter) => boolean = writerIsAlive,
  ) {}

  pathOf(runId: string): string {
    if (!isValidRunId(runId)) throw new Error(`Invalid run id: ${JSON.stringify(runId)}`);
    return join(this.folder, runId + EXTENSION);
  }

  append(runId: string, record: TranscriptRecord): Promise<void> {
    try {
      const path = this.pathOf(runId);
      const line = redactSecrets(JSON.stringify(record)) + '\n';
      // Written synchronously: once a record is handed over it is in the file (in the OS's
      // hands), so a killed process or a window reload loses only the calls still in flight,
      // never a finished call queued behind slow disk I/O. Records are small and few per second.
      this.ensureFolder();
      appendFileSync(path, line, { encoding: 'utf8', mode: 0o600 });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Appends are synchronous; kept for callers that wait for the file to be complete. */
  async flush(): Promise<void> {}

  async has(runId: string): Promise<boolean> {
    if (!isValidRunId(runId)) return false;
    try {
      await stat(this.pathOf(runId));
      return true;
    } catch {
      return false;
    }
  }

  async read(runId: string): Promise<TranscriptRecord[]> {
    if (!isValidRunId(runId)) return [];
    try {
      return parseJsonl(await readFile(this.pathOf(runId), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async list(): Promise<RunSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const summaries: RunSummary[] = [];
    for (const name of names) {
      if (!name.endsWith(EXTENSION)) continue;
      const runId = name.slice(0, -EXTENSION.length);
      if (!isValidRunId(runId)) continue;
      const summary = await this.summaryOf(runId).catch(() => undefined);
      if (summary) summaries.push(summary);
    }
    return summaries.sort((a, b) => b.startedAt - a.startedAt);
  }

  private async summaryOf(runId: string): Promise<RunSummary | undefined> {
    const info = await stat(this.pathOf(runId));
    const cached = this.summaries.get(runId);
    // A finished run's file never changes again; an unfinished one is re-checked for liveness.
    if (
      cached &&
      cached.mtimeMs === info.mtimeMs &&
      cached.size === info.size &&
      cached.summary?.finishedAt !== undefined
    ) {
      return cached.summary;
    }
    const summary = summarizeTranscript(runId, await this.read(runId), this.isLive);
    this.summaries.set(runId, { mtimeMs: info.mtimeMs, size: info.size, summary });
    return summary;
  }

  private ensureFolder(): void {
    if (this.folderReady) return;
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    this.folderReady = true;
  }
}
