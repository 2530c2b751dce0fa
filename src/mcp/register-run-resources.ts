/** Each run's transcript and final product as MCP resources (mlo://runs/{runId}/…). */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CouncilService } from '../shared/council-service';
import { finalUri, transcriptUri } from './run-resource-uris';

const RECENT_RUNS = 50;

function variable(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new McpError(ErrorCode.InvalidParams, 'The resource URI names no run id.');
  return decodeURIComponent(text);
}

export function registerRunResources(server: McpServer, council: CouncilService): void {
  const recent = async () => (await council.listRuns()).slice(0, RECENT_RUNS);

  server.registerResource(
    'run-transcript',
    new ResourceTemplate('mlo://runs/{runId}/transcript', {
      list: async () => ({
        resources: (await recent()).map((run) => ({
          uri: transcriptUri(run.runId),
          name: `transcript-${run.runId}`,
          title: `Transcript: ${run.title}`,
          mimeType: 'application/x-ndjson',
        })),
      }),
    }),
    {
      title: 'Run transcript',
      description:
        'The whole debate of a run as JSON lines (drafts, anonymous reviews, merges, signals, votes, errors).',
      mimeType: 'application/x-ndjson',
    },
    async (uri, variables) => {
      const runId = variable(variables.runId);
      const records = await council.readTranscript(runId);
      if (records.length === 0 && !(await council.getStatus(runId))) {
        throw new McpError(ErrorCode.InvalidParams, `No run ${runId}.`);
      }
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/x-ndjson',
            text: records.map((record) => JSON.stringify(record)).join('\n'),
          },
        ],
      };
    },
  );

  server.registerResource(
    'run-final',
    new ResourceTemplate('mlo://runs/{runId}/final', {
      list: async () => ({
        resources: (await recent())
          .filter((run) => run.protocol === 'consensus' && run.state === 'completed')
          .map((run) => ({
            uri: finalUri(run.runId),
            name: `final-${run.runId}`,
            title: `Final product: ${run.title}`,
            mimeType: 'text/plain',
          })),
      }),
    }),
    {
      title: 'Run final product',
      description: 'The agreed (or provisional) product of a consensus run, alone.',
      mimeType: 'text/plain',
    },
    async (uri, variables) => {
      const runId = variable(variables.runId);
      const result = await council.getResult(runId);
      if (!result)
        throw new McpError(
          ErrorCode.InvalidParams,
          `Run ${runId} has no result (unknown or still running).`,
        );
      const text = 'status' in result ? result.product : result.winningAnswer;
      if (text === undefined)
        throw new McpError(ErrorCode.InvalidParams, `Run ${runId} ended without a product.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text }] };
    },
  );
}
