/**
 * One append-only JSONL file per run (`<runId>.jsonl`) under a data folder: each record is
 * appended (synchronously) as it happens, so a crash or a window reload loses at most the calls
 * in flight. A failed append (a full disk) is reported to the caller and the file is cut back to
 * its last complete line, so the file always parses and every later record stays readable. Reading
 * refuses anything but a regular file within a size cap (read-transcript-file.ts).
 */
import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidRunId } from '../core/run-id';
import type { TranscriptRecord } from '../core/transcript-record';
import type { RunSummary } from '../shared/council-service';
import { redactKnownSecrets } from '../providers/common/redact-secrets';
import { repairTornTail } from './repair-torn-tail';
import { summarizeTranscript } from './summarize-transcript';
import type { TranscriptStore } from './transcript-store';
import { writerIsAlive, type RunWriter } from './run-writer-liveness';
import { readTranscriptFile, MAX_TRANSCRIPT_BYTES } from './read-transcript-file';
import { packStoredText } from './stored-text';

export { parseJsonl } from './read-transcript-file';

const EXTENSION = '.jsonl';

export { isValidRunId };

/** Appends one line; may write part of it before failing (ENOSPC), like the OS does. */
export type AppendLine = (path: string, line: string) => void;

/** O_NOFOLLOW: a symlink planted under a run's name is never written through. */
const appendLineToFile: AppendLine = (path, line) => {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    const bytes = Buffer.from(line, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } finally {
    closeSync(fd);
  }
};

export interface JsonlTranscriptStoreOptions {
  /** Tests inject a failing writer here (a full disk on demand). */
  appendLine?: AppendLine;
  maxFileBytes?: number;
}

interface CachedSummary {
  mtimeMs: number;
  size: number;
  summary: RunSummary | undefined;
}

export class JsonlTranscriptStore implements TranscriptStore {
  private readonly summaries = new Map<string, CachedSummary>();
  /** Per live run: the text chunks already in its file (stored-text.ts). */
  private readonly writtenChunks = new Map<string, Set<string>>();
  /** Runs whose last append failed: their file may end in a torn line. */
  private readonly torn = new Set<string>();
  private readonly appendLine: AppendLine;
  private readonly maxFileBytes: number;
  private folderReady = false;

  constructor(
    readonly folder: string,
    private readonly isLive: (writer: RunWriter) => boolean = writerIsAlive,
    options: JsonlTranscriptStoreOptions = {},
  ) {
    this.appendLine = options.appendLine ?? appendLineToFile;
    this.maxFileBytes = options.maxFileBytes ?? MAX_TRANSCRIPT_BYTES;
  }

  pathOf(runId: string): string {
    if (!isValidRunId(runId)) throw new Error(`Invalid run id: ${JSON.stringify(runId)}`);
    return join(this.folder, runId + EXTENSION);
  }

  append(runId: string, record: TranscriptRecord): Promise<void> {
    try {
      const path = this.pathOf(runId);
      const lines = this.linesOf(runId, record);
      // Written synchronously: once a record is handed over it is in the file (in the OS's
      // hands), so a killed process or a window reload loses only the calls still in flight,
      // never a finished call queued behind slow disk I/O. Records are small and few per second.
      this.ensureFolder();
      if (this.torn.has(runId)) {
        repairTornTail(path);
        this.torn.delete(runId);
      }
      try {
        for (const { line, chunkId } of lines) {
          this.appendLine(path, line);
          if (chunkId !== undefined) this.writtenChunks.get(runId)?.add(chunkId);
        }
        if (record.type === 'run-finished') this.writtenChunks.delete(runId);
      } catch (error) {
        // Cut the torn part at once (the run's last record may be this one); if even that
        // fails, the next append tries again first.
        try {
          repairTornTail(path);
        } catch {
          this.torn.add(runId);
        }
        throw error;
      }
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The record's lines: its large texts' chunks not yet in the file, then the record itself. */
  private linesOf(runId: string, record: TranscriptRecord): { line: string; chunkId?: string }[] {
    let written = this.writtenChunks.get(runId);
    if (!written) {
      written = new Set();
      this.writtenChunks.set(runId, written);
    }
    const packed = packStoredText(record, written, redactKnownSecrets);
    return [
      ...packed.chunks.map((chunk) => ({
        line: redactKnownSecrets(JSON.stringify(chunk)) + '\n',
        chunkId: chunk.id,
      })),
      { line: redactKnownSecrets(JSON.stringify(packed.record)) + '\n' },
    ];
  }

  /** Appends are synchronous; kept for callers that wait for the file to be complete. */
  async flush(): Promise<void> {}

  async has(runId: string): Promise<boolean> {
    if (!isValidRunId(runId)) return false;
    try {
      return (await lstat(this.pathOf(runId))).isFile();
    } catch {
      return false;
    }
  }

  /** @throws TranscriptFileRefusedError for a symlink, a device or FIFO, or an oversized file. */
  async read(runId: string): Promise<TranscriptRecord[]> {
    if (!isValidRunId(runId)) return [];
    return (await readTranscriptFile(this.pathOf(runId), this.maxFileBytes)) ?? [];
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
      // A refused file (symlink, device, oversized) or an unreadable one is left out.
      const summary = await this.summaryOf(runId).catch(() => undefined);
      if (summary) summaries.push(summary);
    }
    return summaries.sort((a, b) => b.startedAt - a.startedAt);
  }

  private async summaryOf(runId: string): Promise<RunSummary | undefined> {
    const info = await lstat(this.pathOf(runId));
    if (!info.isFile() || info.size > this.maxFileBytes) return undefined;
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
    const summary = summarizeTranscript(runId, await this.read(runId), this.isLive, info.mtimeMs);
    this.summaries.set(runId, { mtimeMs: info.mtimeMs, size: info.size, summary });
    return summary;
  }

  private ensureFolder(): void {
    if (this.folderReady) return;
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    this.folderReady = true;
  }
}
