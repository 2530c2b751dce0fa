import { z } from 'zod';
import { transcriptToMarkdown } from '../../core/engine';
import { taskIdField } from '../input-schemas';
import { echoOfInput } from '../output-schema';
import { registerTool } from '../register-tool';
import { transcriptUri } from '../run-resource-uris';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

/** A page stops early past this size, so one call never floods the caller's context (or the bridge). */
const PAGE_CHAR_BUDGET = 120_000;

export function registerGetIterationLogTool({ server, council }: ToolContext): void {
  registerTool(
    server,
    'get_iteration_log',
    {
      title: 'Read a transcript',
      description: `A page of a run's transcript (drafts, anonymous reviews, merges, signals, votes, errors). Instant, free. Next page: offset=nextOffset; whole log: resource mlo://runs/{taskId}/transcript.`,
      input: {
        taskId: taskIdField,
        format: z.enum(['markdown', 'json']).optional().describe('Default: markdown.'),
        offset: z.number().int().min(0).max(1e6).optional().describe('First record.'),
        limit: z.number().int().min(1).max(200).optional().describe('Default 50.'),
      },
      output: {
        taskId: z.string(),
        format: echoOfInput(z.enum(['markdown', 'json'])),
        total: z.number(),
        offset: z.number(),
        count: z.number(),
        nextOffset: z.number().optional().describe('Absent on the last page.'),
        records: z.array(z.record(z.string(), z.unknown())).optional(),
        markdown: z.string().optional(),
      },
      effect: 'local',
      doing: 'read the transcript',
    },
    async ({ taskId, format = 'markdown', offset = 0, limit = 50 }) => {
      const page = await council.readTranscriptPage(taskId, {
        offset,
        limit,
        maxChars: PAGE_CHAR_BUDGET,
      });
      if (page.total === 0) {
        const status = await council.getStatus(taskId);
        if (!status) return toolError(`No run with id "${taskId}", or its transcript is gone.`);
      }
      const { total, nextOffset, records } = page;
      const end = offset + records.length;
      const text = `Transcript of ${taskId}: records ${offset}–${Math.max(offset, end - 1)} of ${total}.${nextOffset !== undefined ? ` Next: get_iteration_log {"taskId":"${taskId}","offset":${nextOffset}}.` : ' This is the last page.'} Full transcript: ${transcriptUri(taskId)}.`;
      const base = {
        taskId,
        format,
        total,
        offset,
        count: records.length,
        ...(nextOffset !== undefined ? { nextOffset } : {}),
      };
      if (format === 'json') {
        return toolResult(
          text,
          { ...base, records: records as unknown as Record<string, unknown>[] },
          {
            blocks: [JSON.stringify(records, null, 1)],
          },
        );
      }
      const markdown = transcriptToMarkdown(records);
      return toolResult(text, { ...base, markdown }, { blocks: [markdown] });
    },
  );
}
