/** A run's transcript as a file a user can keep or share: JSON (lossless) or Markdown (readable). */
import { transcriptToMarkdown } from '../core/engine';
import type { TranscriptRecord } from '../core/transcript-record';
import { redactKnownSecrets } from '../providers/common/redact-secrets';

export type ExportFormat = 'json' | 'markdown';

export function exportRunAsJson(runId: string, records: TranscriptRecord[]): string {
  return redactKnownSecrets(
    JSON.stringify({ runId, format: 'mlo-transcript/1', records }, null, 2),
  );
}

export function exportRunAsMarkdown(records: TranscriptRecord[]): string {
  return redactKnownSecrets(transcriptToMarkdown(records));
}

export function exportRun(
  runId: string,
  records: TranscriptRecord[],
  format: ExportFormat,
): string {
  return format === 'json' ? exportRunAsJson(runId, records) : exportRunAsMarkdown(records);
}

export function exportFileName(runId: string, format: ExportFormat): string {
  return `${runId}.${format === 'json' ? 'json' : 'md'}`;
}
