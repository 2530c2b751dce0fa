import { z } from 'zod';
import { transcriptToMarkdown } from '../../core/engine';
import { taskIdField } from '../input-schemas';
import { describeError } from '../describe-error';
import { transcriptUri } from '../run-resource-uris';
import type { ToolContext } from '../tool-context';
import { toolError, toolResult } from '../tool-result';

/** A page stops early past this size, so one call never floods the caller's context (or the bridge). */
const PAGE_CHAR_BUDGET = 120_000;

export function registerGetIterationLogTool({ server, council }: ToolContext): void {
  server.registerTool(
    'get_iteration_log',
    {
      title: "Read a run's transcript (paged)",
      description: `Return a page of a run's transcript: every draft, anonymous review (scores, critique), merge, convergence signal, ratification vote and error, in order (token deltas excluded). format "markdown" reads well; "json" gives the raw records (each has a seq number).
Instant and free (no model calls). Pages: pass nextOffset as offset to continue. The whole transcript is also the resource mlo://runs/{taskId}/transcript.
Use it to explain to the user why the council decided what it did, or to inspect a failed run.`,
      inputSchema: {
        taskId: taskIdField,
        format: z.enum(['markdown', 'json']).optional().describe('"markdown" (default) or "json".'),
        offset: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Index of the first record (default 0).'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(200)
          .optional()
          .describe('Most records in this page (1..200, default 50).'),
      },
      outputSchema: {
        taskId: z.string(),
        format: z.enum(['markdown', 'json']),
        total: z.number().describe('Records in the whole transcript.'),
        offset: z.number(),
        count: z.number().describe('Records in this page.'),
        nextOffset: z
          .number()
          .optional()
          .describe('Pass as offset for the next page; absent on the last page.'),
        records: z
          .array(z.record(z.string(), z.unknown()))
          .optional()
          .describe('The records (format json).'),
        markdown: z.string().optional().describe('The page as Markdown (format markdown).'),
      },
      annotations: {
        title: 'Get iteration log',
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ taskId, format = 'markdown', offset = 0, limit = 50 }) => {
      try {
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
      } catch (error) {
        return toolError(describeError(error, 'read the transcript'));
      }
    },
  );
}
